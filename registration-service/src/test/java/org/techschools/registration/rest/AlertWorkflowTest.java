package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** The auditors' workflow: OPEN → INVESTIGATING → CONFIRMED | DISMISSED, CONFIRMED → REFERRED; anything else is 409. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AlertWorkflowTest {

    private String alertId;

    @BeforeEach
    void doubleRegistration() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");
    }

    @Test
    void anAlertIsInvestigatedConfirmedAndReferredKeepingWhoWhenAndWhy() {
        move(TestTokens.auditor(), "INVESTIGATING", "checking both schools' rolls").statusCode(200).body("status", equalTo("INVESTIGATING"));
        move(TestTokens.province("330000"), "CONFIRMED", "both schools confirm attendance").statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        move(TestTokens.auditor(), "REFERRED", "referred for discipline").statusCode(200)
                .body("status", equalTo("REFERRED"))
                .body("transitions", hasSize(4))
                .body("transitions[1].from", equalTo("OPEN"))
                .body("transitions[1].to", equalTo("INVESTIGATING"))
                .body("transitions[1].actor", equalTo("auditor"))
                .body("transitions[1].note", equalTo("checking both schools' rolls"))
                .body("transitions[2].actor", equalTo("province@330000"))
                .body("transitions.at", hasItem(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void anIllegalTransitionIs409NamingTheCurrentStatus() {
        move(TestTokens.auditor(), "CONFIRMED", "skipping the investigation").statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(409))
                .body("detail", containsString("OPEN"))
                .body("errors[0].field", equalTo("to"));
        move(TestTokens.auditor(), "INVESTIGATING", null).statusCode(200);
        move(TestTokens.auditor(), "DISMISSED", "same name, different person after all").statusCode(200);
        move(TestTokens.auditor(), "INVESTIGATING", "reopen").statusCode(409).body("detail", containsString("DISMISSED"));
    }

    @Test
    void onlyAuditorsAndProvincesMoveAlertsAndOnlyToWorkflowStatuses() {
        move(TestTokens.city("330100"), "INVESTIGATING", null).statusCode(403);
        move(TestTokens.school("S1"), "INVESTIGATING", null).statusCode(403);
        move(TestTokens.province("320000"), "INVESTIGATING", null).statusCode(404);
        move(TestTokens.auditor(), "RESOLVED", null).statusCode(400).body("errors[0].field", equalTo("to"));
        move(TestTokens.auditor(), "", null).statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private ValidatableResponse move(String token, String to, String note) {
        String body = note == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"note\":\"" + note + "\"}";
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/alerts/" + alertId + "/transitions").then();
    }
}
