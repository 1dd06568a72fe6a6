package org.techschools.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * A school's push that arrives inside a trace (a W3C traceparent header, as a gateway or the school's own system sends
 * it) puts its enrollment event on the topic in the same trace, under the push's own span, so the consumers continue it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class EnrollmentTraceTest {

    @Test
    void theEnrollmentEventContinuesThePushsTrace() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> body = TestData.enrollment(school, "T-1");
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                // Not sampled: tests have no collector to export to (a sampled one would be exported, as in production).
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-00")
                .body(body).post("/api/v1/enrollments").then().statusCode(201);

        String[] traceParent = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> traceParentOfEventFor(school), Optional::isPresent).get().split("-");
        assertEquals(traceId, traceParent[1], "the event is in the push's trace");
        assertNotEquals(callerSpan, traceParent[2], "its parent is the service's span of the push, not the caller's");
        assertEquals("00", traceParent[3], "not sampled, as the caller decided");
    }

    @Test
    void aPushOutsideAnyTraceStartsOneOfItsOwn() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        TestData.push(TestData.enrollment(school, "T-2"));
        String traceParent = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> traceParentOfEventFor(school), Optional::isPresent).get();
        assertEquals(55, traceParent.length(), traceParent);
    }

    private static Optional<String> traceParentOfEventFor(String school) {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "enrollment-events").stream()
                .filter(r -> r.value().contains("\"schoolCode\":\"" + school + "\""))
                .map(ConsumerRecord::headers).map(headers -> headers.lastHeader("traceparent"))
                .map(EnrollmentTraceTest::text).findFirst();
    }

    private static String text(Header header) {
        return header == null ? "(no traceparent)" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros, which W3C Trace Context calls invalid
        return HexFormat.of().formatHex(value);
    }
}
