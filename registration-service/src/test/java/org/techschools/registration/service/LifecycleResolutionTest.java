package org.techschools.registration.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;

/** When a conflicting 学籍 ends (退学), its open alerts are resolved by the lifecycle, with that reason kept. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class LifecycleResolutionTest {

    @Test
    void withdrawalResolvesTheOpenAlertAndCleansTheOtherRecord() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");

        sendEnrollmentEvent(person, a.withdrawn());

        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> "RESOLVED".equals(Alerts.detail(alertId).getString("status")));
        JsonPath detail = Alerts.detail(alertId);
        assertThat(detail.getString("resolutionReason"), equalTo("RESOLVED_BY_LIFECYCLE"));
        List<String> actors = detail.getList("transitions.actor");
        assertThat(actors, hasItem("system"));
        assertThat(detail.getString("transitions[-1].to"), equalTo("RESOLVED"));
        assertThat(detail.getString("transitions[-1].from"), equalTo("OPEN"));

        // Both records get a fresh check result: no alert flags them any more.
        Alerts.awaitChecked(b, 2);
        assertThat(latest(TestEvents.checkResultsOf(b)).path("checkStatus").asText(), equalTo("CLEAN"));
        assertThat(latest(TestEvents.checkResultsOf(a)).path("checkStatus").asText(), equalTo("CLEAN"));
        List<String> changes = TestEvents.registrationEventsOf(person).stream()
                .filter(m -> "RegistrationChanged".equals(m.path("eventType").asText()))
                .map(m -> m.path("payload").path("changeType").asText() + ":" + m.path("payload").path("status").asText())
                .toList();
        assertThat(changes, hasItem("WITHDRAW:WITHDRAWN"));
    }

    private static JsonNode latest(List<JsonNode> results) {
        return results.stream().max(Comparator.comparing(p -> java.time.Instant.parse(p.path("checkedAt").asText())))
                .orElseThrow();
    }
}
