package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The reason of a 学籍 change and the note of a transfer decision go to the history and registration-events: one that
 * holds an ID number (as typed: spaced, lower-case x) is refused with 422 no-id-number naming the field, never echoed.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class IdNumberInFreeTextTest {

    private static final String ID = "11010519491231002X";
    private static final String TYPED = "学生 110105 19491231 002x 转出";

    @Test
    void aChangeReasonAndATransferNoteHoldingAnIdNumberAreRefused() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        sendEnrollmentEvent(e.personKey, e.recorded());
        String id = Alerts.registrationId(e);
        String province = TestTokens.province("330000");

        String refused = given().auth().oauth2(TestTokens.school(e.schoolCode)).contentType("application/json")
                .body("{\"type\":\"SUSPEND\",\"reason\":\"" + TYPED + "\"}").when().post("/api/v1/registrations/" + id + "/changes")
                .then().statusCode(422).body("errors[0].field", equalTo("reason")).body("errors[0].rule", equalTo("no-id-number"))
                .extract().asString();
        assertFalse(refused.contains("19491231"), refused);
        given().auth().oauth2(TestTokens.school(e.schoolCode)).when().get("/api/v1/registrations/" + id).then()
                .body("status", equalTo("ACTIVE"));

        String transferId = given().auth().oauth2(province).contentType("application/json")
                .body("{\"type\":\"TRANSFER\",\"toSchoolCode\":\"OTHER1\",\"reason\":\"family moved\"}")
                .when().post("/api/v1/registrations/" + id + "/changes").then().statusCode(202).extract().path("id");
        refused = given().auth().oauth2(province).contentType("application/json").body("{\"approve\":false,\"note\":\"" + ID + "\"}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().statusCode(422)
                .body("errors[0].field", equalTo("note")).body("errors[0].rule", equalTo("no-id-number")).extract().asString();
        assertFalse(refused.contains("19491231"), refused);
        given().auth().oauth2(province).contentType("application/json").body("{\"approve\":false,\"note\":\"no place\"}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void anAlertNoteHoldingAnIdNumberIsRefused() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");

        String refused = given().auth().oauth2(TestTokens.auditor()).contentType("application/json")
                .body("{\"to\":\"INVESTIGATING\",\"note\":\"" + TYPED + "\"}").when().post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(422).body("errors[0].field", equalTo("note")).body("errors[0].rule", equalTo("no-id-number"))
                .extract().asString();
        assertFalse(refused.contains("19491231"), refused);
        given().auth().oauth2(TestTokens.auditor()).contentType("application/json").body("{\"note\":\"" + ID + "\"}")
                .when().post("/api/v1/alerts/" + alertId + "/share").then().statusCode(422).body("errors[0].rule", equalTo("no-id-number"));
        given().auth().oauth2(TestTokens.auditor()).contentType("application/json").body("{\"to\":\"INVESTIGATING\",\"note\":\"核查\"}")
                .when().post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(200);
    }
}
