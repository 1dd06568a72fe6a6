package org.techschools.registration.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * 重建学籍库: {@code POST /api/v1/registry/rebuild} empties the registry and its alerts and replays enrollment-events
 * from the beginning; the 学籍 count and the alerts (type and records) come out as the live consumer made them.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistryRebuildTest {

    private static final String REBUILD = "/api/v1/registry/rebuild";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRebuiltAlertsEqualTheLiveOnes() {
        String a = TestEvents.schoolCode();
        String b = TestEvents.schoolCode();
        // Three double registrations (双重学籍), A in Hangzhou, B in Ningbo.
        for (int i = 0; i < 3; i++) {
            String person = TestEvents.personKey();
            send(Enrollment.of(person, a), Enrollment.of(person, b).inCity("330200"));
        }
        // A double registration that ends: the student leaves school A (退学), so the alert is resolved.
        String leaver = TestEvents.personKey();
        Enrollment leaving = Enrollment.of(leaver, a);
        send(leaving, Enrollment.of(leaver, b).inCity("330200"));
        // Full-time at A and part-time at B; pushed twice by school A; under two ID numbers (張偉 / 张伟); late; clean ones.
        String mixed = TestEvents.personKey();
        send(Enrollment.of(mixed, a), Enrollment.of(mixed, b).inCity("330200").partTime());
        String twice = TestEvents.personKey();
        send(Enrollment.of(twice, a), Enrollment.of(twice, a));
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(Long.parseLong(TestEvents.suffix(), 36) % 3650);
        send(Enrollment.of(TestEvents.personKey(), a).born(born).named("张伟"),
                Enrollment.of(TestEvents.personKey(), b).inCity("330200").born(born).named("張偉"));
        send(Enrollment.of(TestEvents.personKey(), a).recordedAt(Instant.parse("2025-11-20T02:00:00Z")));
        for (int i = 0; i < 3; i++) {
            send(Enrollment.of(TestEvents.personKey(), b).inCity("330200"));
        }
        Alerts.awaitCount(a, "DOUBLE_REGISTRATION", 4);
        Alerts.awaitCount(a, "MIXED_MODE_OVERLAP", 1);
        Alerts.awaitCount(a, "DUPLICATE_SUBMISSION", 1);
        Alerts.awaitCount(a, "PROBABLE_DUPLICATE", 1);
        Alerts.awaitCount(a, "LATE_REGISTRATION", 1);
        sendEnrollmentEvent(leaver, leaving.withdrawn());
        await().atMost(Alerts.PATIENCE).until(() -> resolvedPairs(a).size() == 1);
        Map<String, String> live = alertsOf(a, b);
        assertThat(live.size(), equalTo(8));

        given().auth().oauth2(TestTokens.province("330000")).when().post(REBUILD).then().statusCode(403);
        given().when().post(REBUILD).then().statusCode(401);
        given().auth().oauth2(TestTokens.national()).when().post(REBUILD)
                .then().statusCode(202).body("state", equalTo("RUNNING"));
        JsonPath done = awaitFinished();
        assertThat(done.getString("state"), equalTo("DONE"));
        // 18 records and one withdrawal of this test, and whatever other tests of this JVM published before.
        assertThat(done.getLong("eventsApplied"), greaterThanOrEqualTo(19L));
        assertThat(done.getLong("registrationsAfter"), equalTo(done.getLong("registrationsBefore")));

        Map<String, String> rebuilt = alertsOf(a, b);
        // Same types and records; new alert ids; the ended pair resolved again by the lifecycle.
        assertThat(new TreeSet<>(rebuilt.values()), equalTo(new TreeSet<>(live.values())));
        Set<String> kept = new HashSet<>(rebuilt.keySet());
        kept.retainAll(live.keySet());
        assertThat(kept, empty());
        assertThat(resolvedPairs(a), hasSize(1));
    }

    @Test
    void enrollmentsArrivingDuringARebuildAreCheckedAndLiveConsumptionGoesOnAfterIt() {
        given().auth().oauth2(TestTokens.national()).when().post(REBUILD).then().statusCode(202);
        // Applied by the rebuild, which reads the topic to its end, or by the live consumer once it has handed back.
        String during = TestEvents.personKey();
        String c = TestEvents.schoolCode();
        send(Enrollment.of(during, c), Enrollment.of(during, TestEvents.schoolCode()));
        assertThat(awaitFinished().getString("state"), equalTo("DONE"));
        Alerts.awaitCount(c, "DOUBLE_REGISTRATION", 1);

        String after = TestEvents.personKey();
        String d = TestEvents.schoolCode();
        send(Enrollment.of(after, d), Enrollment.of(after, TestEvents.schoolCode()));
        Alerts.awaitCount(d, "DOUBLE_REGISTRATION", 1);
    }

    /**
     * The rebuild's status and the registry's owner are in PostgreSQL: a rebuild another instance runs (its row written
     * here as that instance writes it) is shown by this one, refuses a second start and keeps this instance's live
     * consumer off the registry; once that instance stops writing, it shows as FAILED and a rebuild may start here.
     */
    @Test
    void aRebuildOfAnotherInstanceIsSharedUntilThatInstanceStops() throws Exception {
        UUID otherRun = UUID.randomUUID();
        sql("UPDATE registry_rebuild SET state = 'RUNNING', rebuilding = true, run_id = ?, requested_by = 'national office B',"
                + " started_at = now(), finished_at = NULL, heartbeat_at = now(), events_applied = 7, events_skipped = 0,"
                + " failure = NULL WHERE id = 1", otherRun);
        JsonPath running = status();
        assertThat(running.getString("state"), equalTo("RUNNING"));
        assertThat(running.getString("requestedBy"), equalTo("national office B"));
        assertThat(running.getLong("eventsApplied"), equalTo(7L));
        given().auth().oauth2(TestTokens.national()).when().post(REBUILD).then().statusCode(409);

        // Left to the other instance's rebuild: this instance's live consumer reads past it without applying it.
        String during = TestEvents.personKey();
        String e = TestEvents.schoolCode();
        send(Enrollment.of(during, e), Enrollment.of(during, TestEvents.schoolCode()));
        TopicRecords.awaitConsumed(PlatformInfra.get().kafka().bootstrapServers(), "registration-service", "enrollment-events",
                Duration.ofSeconds(60));
        assertThat(Alerts.ofSchool(e), empty());

        // That instance was killed: no progress for longer than a rebuild's heartbeat allows.
        sql("UPDATE registry_rebuild SET heartbeat_at = now() - interval '61 seconds' WHERE run_id = ?", otherRun);
        JsonPath stopped = status();
        assertThat(stopped.getString("state"), equalTo("FAILED"));
        assertThat(stopped.getString("failure"), equalTo("the instance running the rebuild stopped writing its progress"));
        given().auth().oauth2(TestTokens.national()).when().post(REBUILD).then().statusCode(202);
        assertThat(awaitFinished().getString("state"), equalTo("DONE"));
        Alerts.awaitCount(e, "DOUBLE_REGISTRATION", 1);
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertThat(update.executeUpdate(), equalTo(1));
        }
    }

    private static JsonPath awaitFinished() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"RUNNING".equals(status().getString("state")));
        return status();
    }

    private static void send(Enrollment... records) {
        for (Enrollment e : records) {
            sendEnrollmentEvent(e.personKey, e.recorded());
        }
    }

    private static JsonPath status() {
        return given().auth().oauth2(TestTokens.national()).when().get(REBUILD).then().statusCode(200).extract().jsonPath();
    }

    /** Alert id → "TYPE schoolCode/sourceRecordId …" of every alert naming a record of these schools. */
    private static Map<String, String> alertsOf(String... schools) {
        Map<String, String> alerts = new LinkedHashMap<>();
        for (String school : schools) {
            for (Map<String, Object> alert : Alerts.ofSchool(school)) {
                alerts.put((String) alert.get("id"), alert.get("type") + " " + String.join(" ", Alerts.recordKeys(alert)));
            }
        }
        return alerts;
    }

    private static List<Map<String, Object>> resolvedPairs(String school) {
        return Alerts.ofSchool(school, "DOUBLE_REGISTRATION").stream().filter(alert -> "RESOLVED".equals(alert.get("status")))
                .toList();
    }
}
