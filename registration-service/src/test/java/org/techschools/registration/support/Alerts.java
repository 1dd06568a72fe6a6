package org.techschools.registration.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;

import org.techschools.testinfra.TestTokens;

/** The alert API as an auditor sees it, and waiting for the asynchronous checks. */
public final class Alerts {

    public static final Duration PATIENCE = Duration.ofSeconds(45);

    private Alerts() {
    }

    /** The alerts naming a record of this school, as the auditor sees them. */
    public static List<Map<String, Object>> ofSchool(String schoolCode) {
        return given().auth().oauth2(TestTokens.auditor()).queryParam("school", schoolCode).queryParam("limit", 500)
                .when().get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static List<Map<String, Object>> ofSchool(String schoolCode, String type) {
        return ofSchool(schoolCode).stream().filter(a -> type.equals(a.get("type"))).collect(Collectors.toList());
    }

    /** Waits until the school's alerts of this type number exactly {@code count}, and returns them. */
    public static List<Map<String, Object>> awaitCount(String schoolCode, String type, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> ofSchool(schoolCode, type).size() == count);
        return ofSchool(schoolCode, type);
    }

    /**
     * Waits until registration-service published at least {@code count} check results for the record: once it
     * has, every event before it on the person's partition has been applied.
     */
    public static void awaitChecked(Enrollment e, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> TestEvents.checkResultsOf(e).size() >= count);
    }

    /** Like {@link #awaitChecked} with a count of one for each record, reading the topic once per look. */
    public static void awaitAllChecked(List<Enrollment> records) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            Set<String> checked = TestEvents.readAll(TestEvents.REGISTRATION_EVENTS).stream().map(r -> TestEvents.parse(r.value()))
                    .filter(m -> "RegistrationCheckCompleted".equals(m.path("eventType").asText()))
                    .map(m -> m.path("payload").path("enrollmentId").asText()).collect(Collectors.toSet());
            return records.stream().allMatch(e -> checked.contains(e.enrollmentId.toString()));
        });
    }

    /** The id of the 学籍 made from this record, from its first check result. */
    public static String registrationId(Enrollment e) {
        awaitChecked(e, 1);
        return TestEvents.checkResultsOf(e).get(0).path("registrationId").asText();
    }

    public static JsonPath detail(String alertId) {
        return given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/alerts/" + alertId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Records an alert names, as "schoolCode/sourceRecordId" strings. */
    @SuppressWarnings("unchecked")
    public static List<String> recordKeys(Map<String, Object> alert) {
        return ((List<Map<String, Object>>) alert.get("records")).stream()
                .map(r -> r.get("schoolCode") + "/" + r.get("sourceRecordId")).sorted().collect(Collectors.toList());
    }
}
