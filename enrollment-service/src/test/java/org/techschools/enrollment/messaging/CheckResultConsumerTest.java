package org.techschools.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.techschools.enrollment.TestData;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * Check results arriving on registration-events turn a record FLAGGED or CLEAN, newest result wins, once per event;
 * the 学籍's own events on the topic change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class CheckResultConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every event of the test has the same person, so all go to one partition, in the order sent. */
    private static final String PERSON_KEY = "a".repeat(64);

    @Test
    void checkResultsUpdateTheRecordAndOlderResultsAreIgnored() throws Exception {
        String school = TestData.createSchool(TestData.HANGZHOU);
        String id = given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body(TestData.enrollment(school, "CHK-1")).post("/api/v1/enrollments").then().statusCode(201).extract().path("id");
        String alert = UUID.randomUUID().toString();
        Instant flaggedAt = Instant.now();

        String flagged = envelope(id, school, "FLAGGED", List.of(alert), flaggedAt);
        send(flagged);
        send(flagged); // redelivery of the same event
        awaitStatus(school, "FLAGGED").body("alertIds", equalTo(List.of(alert)));

        send(envelope(id, school, "CLEAN", List.of(), flaggedAt.minusSeconds(5))); // overtaken result
        String registered = registrationChanged(id, school);
        send(registered); // the 学籍's own event: read past
        send(envelope(UUID.randomUUID().toString(), "NO-SUCH", "CLEAN", List.of(), Instant.now())); // unknown record: ignored, not fatal
        String marker = TestData.createSchool(TestData.HANGZHOU);
        String markerId = given().auth().oauth2(TestTokens.school(marker)).contentType(ContentType.JSON)
                .body(TestData.enrollment(marker, "CHK-2")).post("/api/v1/enrollments").then().statusCode(201).extract().path("id");
        send(envelope(markerId, marker, "CLEAN", List.of(), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CLEAN".equals(given().auth().oauth2(TestTokens.school(marker))
                .get("/api/v1/enrollments/{s}/{r}", marker, "CHK-2").then().extract().path("checkStatus")));
        awaitStatus(school, "FLAGGED");
        // Exactly once in effect for the results; nothing to remember for the event that changed nothing here.
        assertEquals(1, processedRows(JSON.readTree(flagged).get("eventId").asText()));
        assertEquals(0, processedRows(JSON.readTree(registered).get("eventId").asText()));
    }

    private static long processedRows(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Enrollment.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = cast(?1 as uuid)")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static String registrationChanged(String enrollmentId, String school) throws Exception {
        return registrationEvent("RegistrationChanged", Map.of("registrationId", UUID.randomUUID().toString(),
                "enrollmentId", enrollmentId, "schoolCode", school, "sourceRecordId", "CHK-1", "personKey", PERSON_KEY,
                "status", "ACTIVE", "changeType", "REGISTER", "studyMode", "FULL_TIME", "effectiveOn", "2026-09-01"));
    }

    private static io.restassured.response.ValidatableResponse awaitStatus(String school, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(given().auth().oauth2(TestTokens.school(school))
                .get("/api/v1/enrollments/{s}/{r}", school, "CHK-1").then().extract().path("checkStatus")));
        return given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "CHK-1").then()
                .body("checkStatus", equalTo(status));
    }

    private static void send(String envelope) throws Exception {
        TopicRecords.send(PlatformInfra.get().kafka().bootstrapServers(), "registration-events",
                JSON.readTree(envelope).get("aggregateId").asText(), envelope);
    }

    private static String envelope(String enrollmentId, String school, String status, List<String> alerts, Instant checkedAt)
            throws Exception {
        Map<String, Object> payload = new java.util.HashMap<>();
        payload.put("enrollmentId", enrollmentId);
        payload.put("registrationId", UUID.randomUUID().toString());
        payload.put("schoolCode", school);
        payload.put("sourceRecordId", "CHK-1");
        payload.put("personKey", PERSON_KEY);
        payload.put("checkStatus", status);
        payload.put("alertIds", alerts);
        payload.put("checkedAt", checkedAt.toString());
        return registrationEvent("RegistrationCheckCompleted", payload);
    }

    /** An envelope as registration-service produces it, checked against the event's JSON Schema. */
    private static String registrationEvent(String type, Map<String, Object> payload) throws Exception {
        String json = JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "eventType", type,
                "schemaVersion", 1, "occurredAt", Instant.now().toString(), "producer", "registration-service",
                "aggregateId", PERSON_KEY, "payload", payload));
        assertEquals(java.util.Set.of(), EventContracts.violations(json, type));
        return json;
    }
}
