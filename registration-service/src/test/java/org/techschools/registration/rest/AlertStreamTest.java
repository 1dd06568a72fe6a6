package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.AlertStreamClient;
import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** {@code GET /api/v1/alerts/stream}: each new alert pushed within a second of it being listed, to the callers who may see it. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AlertStreamTest {

    /** A city office nothing in this test enrolls in. */
    private static final String OTHER_CITY = "330500";

    @TestHTTPResource("/api/v1/alerts/stream")
    URI streamUrl;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDoubleRegistrationIsPushedWithinASecondOfBeingListedAndOnlyToCallersWhoMaySeeIt() throws Exception {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).inCity("330100");
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).inCity("330200");
        try (AlertStreamClient auditor = AlertStreamClient.open(streamUrl, TestTokens.auditor());
                AlertStreamClient ningbo = AlertStreamClient.open(streamUrl, TestTokens.city("330200"));
                AlertStreamClient otherCity = AlertStreamClient.open(streamUrl, TestTokens.city(OTHER_CITY));
                AlertStreamClient schoolA = AlertStreamClient.open(streamUrl, TestTokens.school(a.schoolCode))) {
            sendEnrollmentEvent(person, a.recorded());
            sendEnrollmentEvent(person, b.recorded());

            AtomicLong listedAt = new AtomicLong();
            await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
                boolean listed = !Alerts.ofSchool(a.schoolCode, "DOUBLE_REGISTRATION").isEmpty();
                if (listed) {
                    listedAt.set(System.nanoTime());
                }
                return listed;
            });
            Map<String, Object> listed = Alerts.ofSchool(a.schoolCode, "DOUBLE_REGISTRATION").get(0);

            // Pushed no later than a second after the list first showed it (usually before).
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> naming(auditor, a.schoolCode).isPresent());
            AlertStreamClient.Received pushed = naming(auditor, a.schoolCode).orElseThrow();
            assertThat((pushed.atNanos() - listedAt.get()) / 1_000_000, lessThanOrEqualTo(1000L));

            // The event is the alert as the list shows it: same id, type, records, masked ID, evidence.
            JsonNode alert = pushed.alert();
            assertThat(pushed.eventId(), equalTo(listed.get("id")));
            assertThat(alert.path("id").asText(), equalTo(listed.get("id")));
            assertThat(alert.path("type").asText(), equalTo("DOUBLE_REGISTRATION"));
            assertThat(alert.path("status").asText(), equalTo("OPEN"));
            assertThat(alert.path("raisedAt").asText(), equalTo(Alerts.detail((String) listed.get("id")).getString("raisedAt")));
            assertThat(records(alert), equalTo(Alerts.recordKeys(listed)));
            for (JsonNode record : alert.path("records")) {
                assertThat(record.path("idNumberMasked").asText(), containsString("****"));
            }
            assertThat(alert.path("evidence").path("personKey").asText(), equalTo("same"));
            assertThat(alert.toString(), not(containsString(person)));

            // School A is shown B only as another school of Ningbo, as its list shows it.
            await().atMost(Duration.ofSeconds(1)).until(() -> naming(schoolA, a.schoolCode).isPresent());
            JsonNode seenByA = naming(schoolA, a.schoolCode).orElseThrow().alert();
            assertThat(seenByA.path("records").get(1).path("label").asText(), equalTo("another school, city 330200"));
            for (String ofB : List.of(b.schoolCode, b.sourceRecordId, b.enrollmentId.toString())) {
                assertThat(seenByA.toString(), not(containsString(ofB)));
            }

            // Ningbo's office sees the pair (one record is in its city); another city's office receives nothing of it.
            await().atMost(Duration.ofSeconds(1)).until(() -> naming(ningbo, b.schoolCode).isPresent());
            Thread.sleep(1000);
            assertThat(otherCity.alerts().stream().filter(r -> names(r, a.schoolCode) || names(r, b.schoolCode)).toList(),
                    empty());
            // Whatever it did receive lies in its own city, as its list would show.
            for (AlertStreamClient.Received r : otherCity.alerts()) {
                assertThat(r.alert().findValuesAsText("cityCode"), org.hamcrest.Matchers.hasItem(OTHER_CITY));
            }
        }
    }

    /**
     * The database drops the connection the stream listens on (a restart, a failover, an operator's
     * pg_terminate_backend): the service connects again by itself, and the next alert is pushed as before.
     */
    @Test
    void afterTheDatabaseDroppedTheListenerTheNextAlertIsStillPushed() throws Exception {
        try (AlertStreamClient auditor = AlertStreamClient.open(streamUrl, TestTokens.auditor())) {
            List<Integer> dropped = listenerPids();
            assertThat(dropped, not(empty()));
            for (int pid : dropped) {
                try (Connection c = dataSource.getConnection(); PreparedStatement kill = c.prepareStatement(
                        "SELECT pg_terminate_backend(?)")) {
                    kill.setInt(1, pid);
                    kill.executeQuery().close();
                }
            }
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !listenerPids().isEmpty() && listenerPids().stream().noneMatch(dropped::contains));

            String person = TestEvents.personKey();
            Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
            sendEnrollmentEvent(person, a.recorded());
            sendEnrollmentEvent(person, Enrollment.of(person, TestEvents.schoolCode()).recorded());
            Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> naming(auditor, a.schoolCode).isPresent());
        }
    }

    /** The backends of the stream's listening connections (one per instance; this test runs one). */
    private List<Integer> listenerPids() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement pids = c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'registration-service alert listener'");
                ResultSet rows = pids.executeQuery()) {
            List<Integer> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getInt(1));
            }
            return found;
        }
    }

    @Test
    void theStreamEndsByItselfWhenTheTokenExpires() throws Exception {
        long issued = System.nanoTime();
        // Expiry is in whole seconds: the token has between one and two seconds left.
        String shortLived = TestTokens.token("auditor", null, null, Duration.ofSeconds(2));
        try (AlertStreamClient stream = AlertStreamClient.open(streamUrl, shortLived)) {
            assertThat(stream.awaitEnd(Duration.ofSeconds(6)), equalTo(true));
            assertThat((System.nanoTime() - issued) / 1_000_000, greaterThanOrEqualTo(900L));
        }
        // A token with time left keeps its stream open.
        try (AlertStreamClient stream = AlertStreamClient.open(streamUrl, TestTokens.auditor())) {
            assertThat(stream.awaitEnd(Duration.ofSeconds(3)), equalTo(false));
        }
    }

    @Test
    void theStreamNeedsAToken() {
        given().accept("text/event-stream").when().get("/api/v1/alerts/stream").then().statusCode(401);
    }

    private static Optional<AlertStreamClient.Received> naming(AlertStreamClient client, String schoolCode) {
        return client.alerts().stream().filter(r -> names(r, schoolCode)).findFirst();
    }

    private static boolean names(AlertStreamClient.Received received, String schoolCode) {
        return received.alert().findValuesAsText("schoolCode").contains(schoolCode);
    }

    private static List<String> records(JsonNode alert) {
        return java.util.stream.StreamSupport.stream(alert.path("records").spliterator(), false)
                .map(r -> r.path("schoolCode").asText() + "/" + r.path("sourceRecordId").asText()).sorted().toList();
    }
}
