package org.techschools.registration.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** Redeliveries and replays change nothing: one 学籍 per enrollment record, one alert per (type, pair). */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class IdempotentConsumptionTest {

    @Test
    void redeliveredAndReplayedEventsKeepOneRegistrationAndOneAlert() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        UUID firstEventOfA = UUID.randomUUID();
        String recordedA = a.recorded(firstEventOfA);
        UUID firstEventOfB = UUID.randomUUID();
        String recordedB = b.recorded(firstEventOfB);

        sendEnrollmentEvent(person, recordedA);
        sendEnrollmentEvent(person, recordedA); // redelivery: same eventId
        sendEnrollmentEvent(person, recordedB);
        sendEnrollmentEvent(person, recordedB); // redelivery: same eventId
        sendEnrollmentEvent(person, b.recorded()); // replay of the same record under a new eventId

        // B is checked by its first delivery and by the replay; the redelivery with a known eventId is skipped.
        Alerts.awaitChecked(b, 2);
        assertThat(TestEvents.checkResultsOf(b), hasSize(2));
        assertThat(Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1), hasSize(1));
        assertThat(Alerts.ofSchool(b.schoolCode, "DOUBLE_REGISTRATION"), hasSize(1));

        List<JsonNode> registered = TestEvents.registrationEventsOf(person).stream()
                .filter(m -> "RegistrationChanged".equals(m.path("eventType").asText()))
                .map(m -> m.path("payload")).toList();
        assertThat("one REGISTER per enrollment record", registered, hasSize(2));

        // Every check result of B names the same single 学籍.
        List<String> registrationIds = TestEvents.checkResultsOf(b).stream().map(p -> p.path("registrationId").asText())
                .distinct().toList();
        assertThat(registrationIds, hasSize(1));
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/registrations/" + registrationIds.get(0))
                .then().statusCode(200)
                .body("enrollmentId", equalTo(b.enrollmentId.toString()))
                .body("status", equalTo("ACTIVE"))
                .body("idNumberMasked", equalTo("3301**************"));
    }
}
