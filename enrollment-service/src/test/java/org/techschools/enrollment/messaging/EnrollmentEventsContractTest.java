package org.techschools.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.messaging.OutboxEvent;
import org.techschools.enrollment.TestData;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/** What enrollment-service writes to Kafka honours the schemas, and no raw ID number leaves the service. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class EnrollmentEventsContractTest {

    /** An ID number standing alone: 18 digits inside a hex token (a personKey, a hash) are none. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9a-fA-F])\\d{17}[\\dXx](?![0-9a-fA-F])");

    @Test
    void recordedCorrectedEventsMatchTheirSchemaAndCarryNoIdNumber() throws IOException {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> body = TestData.enrollment(school, "C-1");
        body.put("originRegion", "330102");
        String idNumber = TestData.student(body).get("idNumber").toString();
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body).post("/api/v1/enrollments")
                .then().statusCode(201);
        body.put("majorCode", "0602");
        body.put("classLevel", "ADVANCED");
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body).post("/api/v1/enrollments")
                .then().statusCode(200);
        // A rejected push logs nothing that reveals the number either.
        Map<String, Object> bad = TestData.enrollment(school, "C-2", idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1'));
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(bad).post("/api/v1/enrollments")
                .then().statusCode(422);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(school).size() == 2);
        List<ConsumerRecord<String, String>> events = eventsOf(school);
        assertTrue(events.get(0).value().contains("\"eventType\":\"EnrollmentRecorded\""));
        assertTrue(events.get(1).value().contains("\"eventType\":\"EnrollmentCorrected\""));
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(Set.of(), EventContracts.violations(event.value(), "EnrollmentRecorded"));
            assertTrue(event.key().matches("[0-9a-f]{64}"), "key is the personKey");
            JsonNode envelope = new ObjectMapper().readTree(event.value());
            assertEquals(2, envelope.get("schemaVersion").asInt(), "EnrollmentRecorded at the version that cannot be inverted");
            assertEquals("330100", envelope.at("/payload/originRegion").asText(), "origin at city level only");
            IdNumberExposure.assertHidden(idNumber, envelope, "a consumer of enrollment-events");
        }

        for (String topic : List.of("enrollment-events", "school-events")) {
            for (ConsumerRecord<String, String> r : TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), topic)) {
                assertFalse(r.value().contains(idNumber), "the pushed ID number on " + topic);
                assertFalse(RESIDENT_ID.matcher(r.value()).find(), "raw ID number on " + topic);
                assertFalse(r.key() != null && RESIDENT_ID.matcher(r.key()).matches(), "raw ID number as key on " + topic);
            }
        }
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertFalse(log.contains(idNumber), "raw ID number in the service log");
        assertFalse(RESIDENT_ID.matcher(log).find(), "an 18-digit ID number pattern in the service log");
    }

    @Test
    void withdrawnEventMatchesItsSchemaAndIsKeyedByThePerson() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        TestData.push(TestData.enrollment(school, "C-W"));
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(Map.of("reason", "学生放弃入学"))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", school, "C-W").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(school).size() == 2);
        ConsumerRecord<String, String> recorded = eventsOf(school).get(0);
        ConsumerRecord<String, String> withdrawn = eventsOf(school).get(1);
        assertTrue(withdrawn.value().contains("\"eventType\":\"EnrollmentWithdrawn\""));
        assertEquals(Set.of(), EventContracts.violations(withdrawn.value(), "EnrollmentWithdrawn"));
        assertEquals(recorded.key(), withdrawn.key(), "withdrawal keyed by the personKey, after the record on its partition");
        assertTrue(withdrawn.value().contains("\"version\":2"));
        assertFalse(RESIDENT_ID.matcher(withdrawn.value()).find(), "raw ID number in the withdrawal event");
    }

    @Test
    void theRelayKeepsNoRowTheBrokerAcknowledged() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        TestData.push(TestData.enrollment(school, "C-O"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(school).size() == 1);
        // The delete commits just after the ack the consumer already saw.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> outboxRowsOf(school) == 0);
    }

    private static long outboxRowsOf(String school) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where envelope like ?1")
                .setParameter(1, "%\"schoolCode\":\"" + school + "\"%").getSingleResult()).longValue());
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String school) {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "enrollment-events").stream()
                .filter(r -> r.value().contains("\"schoolCode\":\"" + school + "\"")).toList();
    }
}
