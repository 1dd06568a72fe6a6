package org.techschools.registration.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;

/**
 * EnrollmentRecorded events of schema version 1 (older mask, origin to the county), still on the topic and replayed by a
 * rebuild, are read and stored in today's form: neither the 学籍 nor the alert shows a reader enough to rebuild the ID.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class EnrollmentEventVersionsTest {

    @Test
    void aVersion1EventIsStoredInTodaysFormBesideAVersion2One() {
        LocalDate born = LocalDate.of(2009, 11, 3);
        String idNumber = ResidentIds.of("330102", born, true);
        String person = TestEvents.personKey();
        Enrollment older = Enrollment.of(person, TestEvents.schoolCode()).born(born).gender("MALE")
                .asVersion1(idNumber.substring(0, 6) + "********" + idNumber.substring(14), "330102");
        Enrollment newer = Enrollment.of(person, TestEvents.schoolCode()).born(born).gender("MALE").inCity("330200");
        sendEnrollmentEvent(person, older.recorded());
        sendEnrollmentEvent(person, newer.recorded());

        Alerts.awaitCount(older.schoolCode, "DOUBLE_REGISTRATION", 1);
        Alerts.awaitChecked(older, 1);
        String registrationId = TestEvents.checkResultsOf(older).get(0).path("registrationId").asText();
        JsonNode registration = TestEvents.parse(given().auth().oauth2(TestTokens.auditor())
                .get("/api/v1/registrations/{id}", registrationId).then().statusCode(200).extract().asString());
        assertThat(registration.path("idNumberMasked").asText(), equalTo("3301**************"));
        IdNumberExposure.assertHidden(idNumber, registration, "an auditor reading the 学籍");

        JsonNode alerts = TestEvents.parse(given().auth().oauth2(TestTokens.auditor()).queryParam("school", older.schoolCode)
                .get("/api/v1/alerts").then().statusCode(200).extract().asString());
        for (JsonNode alert : alerts.path("items")) {
            IdNumberExposure.assertHidden(idNumber, alert, "an auditor reading the alert");
            alert.path("records").forEach(r -> assertThat(r.path("idNumberMasked").asText(), equalTo("3301**************")));
        }
    }
}
