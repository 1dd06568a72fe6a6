package org.techschools.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * One enrollment flowing end to end through the three running services: a school pushes it, a second school
 * pushes the same person, registration-service raises one DOUBLE_REGISTRATION alert within two seconds, the check
 * result flows back to enrollment-service, and quota-service counts both records per city.
 */
class EnrollmentToAlertFlowTest {

    private static final int INTAKE_YEAR = PlatformRequests.INTAKE_YEAR;
    /** 杭州市 in the seed-002 task table. */
    private static final Map<Integer, Integer> HANGZHOU_TARGET = Map.of(2023, 18600, 2024, 20460, 2025, 22320, 2026, 24180, 2027, 26040);

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9a-fA-F])\\d{17}[\\dXx](?![0-9a-fA-F])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = new RunningPlatform().start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * A record pushed without 生源地 is judged by its ID's city: in 安徽, an ID of 巢湖 (3414, withdrawn 2011, now 合肥's)
     * at a 合肥 school recruits within the city, one of 芜湖 (3402) is a cross-city recruitment quota-service flags.
     */
    @Test
    void withoutAnOriginTheIdNumbersCityDecidesCrossCityRecruitment() {
        String enrollment = platform.url("enrollment-service");
        String quota = platform.url("quota-service");
        PlatformRequests.createSchool(enrollment, "E2E-HF-01", "340000", "340100", "TECHNICAL_SCHOOL");
        pushWithoutOrigin(enrollment, "HF-CHAOHU", ResidentIds.of("341421", LocalDate.of(1995, 4, 2), false), "陈静", "1995-04-02");
        pushWithoutOrigin(enrollment, "HF-WUHU", ResidentIds.of("340202", LocalDate.of(2009, 6, 1), false), "王芳", "2009-06-01");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(quota)
                .auth().oauth2(TestTokens.province("340000")).queryParam("type", "CROSS_CITY_RECRUITMENT")
                .get("/api/v1/plan-alerts").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].originRegion", equalTo("340200"))
                .body("items[0].records.sourceRecordId", equalTo(List.of("HF-WUHU"))));
    }

    private static void pushWithoutOrigin(String enrollment, String record, String idNumber, String name, String birthDate) {
        Map<String, Object> body = PlatformRequests.enrollmentOf("E2E-HF-01", record, idNumber);
        body.put("student", Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", name, "gender", "FEMALE",
                "birthDate", birthDate));
        body.remove("originRegion");
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("E2E-HF-01")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then().statusCode(201);
    }

    @Test
    void doubleRegistrationIsCaughtWithinTwoSecondsAndFlowsBackToBothRecords() throws IOException {
        String enrollment = platform.url("enrollment-service");
        String registration = platform.url("registration-service");
        String quota = platform.url("quota-service");
        PlatformRequests.createSchool(enrollment, "E2E-HZ-01", "330100", "TECHNICIAN_COLLEGE");
        PlatformRequests.createSchool(enrollment, "E2E-NB-01", "330200", "TECHNICAL_SCHOOL");

        String idNumber = ResidentIds.of("330102", LocalDate.of(2010, 3, 8), false);
        Map<String, Object> first = PlatformRequests.enrollmentOf("E2E-HZ-01", "HZ-0001", idNumber);
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("E2E-HZ-01")).contentType(ContentType.JSON).body(first)
                .post("/api/v1/enrollments").then().statusCode(201);
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("E2E-HZ-01")).contentType(ContentType.JSON).body(first)
                .post("/api/v1/enrollments").then().statusCode(200).body("version", equalTo(1));

        // Before the duplicate arrives the first record has been checked and is clean. The first event after start-up
        // also waits for the consumers' first group join, so it gets a generous bound; the 2-second promise is below.
        awaitCheckStatus(enrollment, "E2E-HZ-01", "HZ-0001", "CLEAN", Duration.ofSeconds(60));

        long pushed = System.nanoTime();
        // The duplicate's push comes inside a trace, as through a gateway that starts one (not sampled: no collector here).
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("E2E-NB-01")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .body(PlatformRequests.enrollmentOf("E2E-NB-01", "NB-0001", idNumber)).post("/api/v1/enrollments").then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> alerts(registration, TestTokens.auditor()).getList("items").size() == 1);
        long detectedMillis = (System.nanoTime() - pushed) / 1_000_000;
        System.out.printf("double registration visible on GET /api/v1/alerts %d ms after the POST%n", detectedMillis);

        JsonPath alerts = alerts(registration, TestTokens.auditor());
        assertEquals("DOUBLE_REGISTRATION", alerts.getString("items[0].type"));
        assertEquals("HIGH", alerts.getString("items[0].severity"));
        assertEquals(List.of("E2E-HZ-01", "E2E-NB-01"), alerts.getList("items[0].records.schoolCode", String.class).stream().sorted().toList());
        assertEquals(List.of("HZ-0001", "NB-0001"), alerts.getList("items[0].records.sourceRecordId", String.class).stream().sorted().toList());
        String masked = idNumber.substring(0, 4) + "*".repeat(14);
        assertEquals(List.of(masked, masked), alerts.getList("items[0].records.idNumberMasked", String.class));
        IdNumberExposure.assertHidden(idNumber, json(alertsResponse(registration, TestTokens.auditor())), "an auditor reading alerts");
        String alertId = alerts.getString("items[0].id");

        // The check result comes back over registration-events: both records turn FLAGGED and name the alert.
        awaitCheckStatus(enrollment, "E2E-NB-01", "NB-0001", "FLAGGED", Duration.ofSeconds(5));
        awaitCheckStatus(enrollment, "E2E-HZ-01", "HZ-0001", "FLAGGED", Duration.ofSeconds(5));
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("E2E-HZ-01")).get("/api/v1/enrollments/E2E-HZ-01/HZ-0001")
                .then().body("alertIds", equalTo(List.of(alertId)));

        // One trace from the push to the alert: the duplicate's enrollment event and the check result that names the
        // alert carry the push's trace id (request → outbox → enrollment-events → the registry's transaction → outbox →
        // registration-events), so a tracing backend shows the whole path as one trace.
        // This test's school and record only: the broker is shared by every system test.
        assertEquals(traceId, traceIdOf("enrollment-events", "\"E2E-NB-01\"", "\"NB-0001\""));
        assertEquals(traceId, traceIdOf("registration-events", "\"checkStatus\":\"FLAGGED\"", "\"E2E-NB-01\"",
                "\"NB-0001\""));

        // Scopes: each city office sees the alert (one record is in its city), another city sees nothing.
        assertEquals(1, alerts(registration, TestTokens.city("330100")).getList("items").size());
        assertEquals(1, alerts(registration, TestTokens.city("330200")).getList("items").size());
        assertEquals(0, alerts(registration, TestTokens.city("330300")).getList("items").size());
        given().baseUri(registration).get("/api/v1/alerts").then().statusCode(401);

        // quota-service counts both enrollments (the repeated push counted once), each in its city.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(quota)
                .auth().oauth2(TestTokens.province("330000")).queryParam("year", INTAKE_YEAR).queryParam("province", "330000")
                .get("/api/v1/progress").then().statusCode(200)
                .body("actual", equalTo(2))
                .body("cities.find { it.cityCode == '330100' }.actual", equalTo(1))
                .body("cities.find { it.cityCode == '330200' }.actual", equalTo(1)));
        if (HANGZHOU_TARGET.containsKey(INTAKE_YEAR)) {
            given().baseUri(quota).auth().oauth2(TestTokens.province("330000")).queryParam("year", INTAKE_YEAR)
                    .queryParam("province", "330000").get("/api/v1/progress").then()
                    .body("cities.find { it.cityCode == '330100' }.target", equalTo(HANGZHOU_TARGET.get(INTAKE_YEAR)));
        }

        // Replay: every enrollment event redelivered (same eventIds) changes nothing downstream.
        // This test's records only: the broker is shared by every system test, and the others' records are on it too.
        List<ProducerRecord<String, String>> replay = TopicRecords.readAll(platform.bootstrapServers(), "enrollment-events").stream()
                .filter(r -> r.value().contains("\"E2E-HZ-01\"") || r.value().contains("\"E2E-NB-01\""))
                .map(r -> new ProducerRecord<>(r.topic(), r.key(), r.value())).toList();
        assertEquals(2, replay.size(), "one EnrollmentRecorded per record; the repeated push published nothing");
        TopicRecords.send(platform.bootstrapServers(), "enrollment-events", replay);
        for (String group : List.of("registration-service", "quota-service")) {
            TopicRecords.awaitConsumed(platform.bootstrapServers(), group, "enrollment-events", Duration.ofSeconds(60));
        }
        assertEquals(1, alerts(registration, TestTokens.auditor()).getList("items").size());
        given().baseUri(quota).auth().oauth2(TestTokens.province("330000")).queryParam("year", INTAKE_YEAR).queryParam("province", "330000")
                .get("/api/v1/progress").then().body("actual", equalTo(2));

        assertNoRawIdNumberLeaves(idNumber);
        assertNoReaderButTheSchoolCanRebuildIt(idNumber, enrollment, registration);
    }

    /**
     * Everything shown beside the masked ID (birth date, gender, origin, names, codes) leaves at least 4 of the first 17
     * digits unknown: every message on every topic and dead-letter topic, and the records and alerts as the offices
     * and the auditor read them.
     */
    private static void assertNoReaderButTheSchoolCanRebuildIt(String idNumber, String enrollment, String registration) {
        for (String topic : List.of("school-events", "enrollment-events", "registration-events", "quota-events",
                "dlq.enrollment-service", "dlq.quota-service", "dlq.registration-service")) {
            for (ConsumerRecord<String, String> r : TopicRecords.readAll(platform.bootstrapServers(), topic)) {
                IdNumberExposure.assertHidden(idNumber, json(r.value()), "a consumer of " + topic);
            }
        }
        for (String token : List.of(TestTokens.city("330100"), TestTokens.province("330000"), TestTokens.national(),
                TestTokens.auditor())) {
            IdNumberExposure.assertHidden(idNumber, json(given().baseUri(enrollment).auth().oauth2(token)
                    .get("/api/v1/enrollments/{s}/{r}", "E2E-HZ-01", "HZ-0001").then().statusCode(200).extract().asString()),
                    "an office reading the enrollment record");
            String csv = given().baseUri(enrollment).auth().oauth2(token).get("/api/v1/enrollments/export.csv").then()
                    .statusCode(200).extract().asString();
            for (String row : csv.split("\r\n")) {
                IdNumberExposure.assertHidden(idNumber, List.of(row.split(",", -1)), "an office downloading the CSV export");
            }
            IdNumberExposure.assertHidden(idNumber, json(alertsResponse(registration, token)), "an office reading alerts");
        }
        IdNumberExposure.assertHidden(idNumber, json(alertsResponse(registration, TestTokens.city("330200"))),
                "the other city's office reading the alert");
        IdNumberExposure.assertHidden(idNumber, json(alertsResponse(registration, TestTokens.school("E2E-NB-01"))),
                "the other school reading the alert");
    }

    private static String alertsResponse(String registration, String token) {
        return given().baseUri(registration).auth().oauth2(token).get("/api/v1/alerts").then().statusCode(200).extract().asString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No raw ID number on any topic, nor in any service's log. */
    private static void assertNoRawIdNumberLeaves(String idNumber) throws IOException {
        for (String topic : List.of("school-events", "enrollment-events", "registration-events", "quota-events",
                "dlq.enrollment-service", "dlq.quota-service", "dlq.registration-service")) {
            for (ConsumerRecord<String, String> r : TopicRecords.readAll(platform.bootstrapServers(), topic)) {
                assertFalse(RESIDENT_ID.matcher(r.value()).find(), "an ID number pattern on " + topic + ": " + r.value());
            }
        }
        for (String service : RunningPlatform.SERVICES) {
            String log = Files.readString(platform.logFile(service));
            assertTrue(log.contains("started in"), service + " log was captured");
            assertFalse(log.contains(idNumber), "the raw ID number in the log of " + service);
            assertFalse(RESIDENT_ID.matcher(log).find(), "an ID number pattern in the log of " + service);
        }
    }

    /** In production each log line is one JSON object, for a log collector to index by level, logger and event. */
    @Test
    void productionLogsAreOneJsonObjectPerLine() throws IOException {
        for (String service : RunningPlatform.SERVICES) {
            List<String> lines = Files.readAllLines(platform.logFile(service)).stream()
                    .filter(line -> line.startsWith("{")).toList();
            JsonNode started = null;
            for (String line : lines) {
                JsonNode entry = JSON.readTree(line);
                assertTrue(entry.hasNonNull("timestamp") && entry.hasNonNull("level") && entry.hasNonNull("loggerName"),
                        service + " log line without timestamp, level or logger: " + line);
                if (entry.path("message").asText().contains("started in")) {
                    started = entry;
                }
            }
            assertTrue(started != null, service + " logged its start as JSON");
            assertEquals("INFO", started.get("level").asText());
            assertEquals("io.quarkus", started.get("loggerName").asText());
        }
    }

    /** The trace id in the traceparent header of the one record on the topic whose value contains all of {@code parts}. */
    private static String traceIdOf(String topic, String... parts) {
        List<ConsumerRecord<String, String>> matching = TopicRecords.readAll(platform.bootstrapServers(), topic).stream()
                .filter(r -> java.util.Arrays.stream(parts).allMatch(r.value()::contains)).toList();
        assertEquals(1, matching.size(), "records on " + topic + " with " + List.of(parts));
        var header = matching.get(0).headers().lastHeader("traceparent");
        assertTrue(header != null, "a traceparent header on the " + topic + " record");
        return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8).split("-")[1];
    }

    private static JsonPath alerts(String registration, String token) {
        return given().baseUri(registration).auth().oauth2(token).queryParam("type", "DOUBLE_REGISTRATION")
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitCheckStatus(String enrollment, String school, String record, String status, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(
                given().baseUri(enrollment).auth().oauth2(TestTokens.school(school))
                        .get("/api/v1/enrollments/{s}/{r}", school, record).then().statusCode(200).extract().path("checkStatus")));
    }
}
