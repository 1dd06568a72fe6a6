package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.util.List;

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

/**
 * An auditor whose token names a region audits that region only (a national auditor's names none); deciding an alert
 * (CONFIRMED, DISMISSED, REFERRED) needs a scope holding every record it names.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AuditorRegionTest {

    private static String auditorOf(String region) {
        return TestTokens.token("auditor", null, region);
    }

    /** A double registration between schools in these two cities; returns the alert's id. */
    private static String doubleRegistration(String cityA, String cityB) {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).inCity(cityA);
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).inCity(cityB);
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        return (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");
    }

    @Test
    void aJiangsuAuditorNeitherReadsNorMovesZhejiangAlerts() {
        String alertId = doubleRegistration("330100", "330200");
        String jiangsu = auditorOf("320000");
        List<String> listed = given().auth().oauth2(jiangsu).queryParam("limit", 500).when().get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(listed, not(hasItem(alertId)));
        // Every record a regional auditor is shown lies in its region.
        List<String> provinces = given().auth().oauth2(jiangsu).queryParam("limit", 500).when().get("/api/v1/alerts")
                .then().extract().jsonPath().getList("items.records.flatten().findAll { it.shown == 'FULL' }.provinceCode");
        provinces.forEach(p -> assertThat(p, equalTo("320000")));
        given().auth().oauth2(jiangsu).when().get("/api/v1/alerts/" + alertId).then().statusCode(404);
        given().auth().oauth2(jiangsu).queryParam("province", "330000").when().get("/api/v1/alerts/export.csv")
                .then().statusCode(200).body(not(containsString(alertId)));
        move(jiangsu, alertId, "INVESTIGATING").statusCode(404);
        given().auth().oauth2(jiangsu).contentType("application/json").body("{}")
                .when().post("/api/v1/alerts/" + alertId + "/share").then().statusCode(404);

        // Zhejiang's auditor works it to the end; so would a national auditor.
        String zhejiang = auditorOf("330000");
        given().auth().oauth2(zhejiang).when().get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("records.shown", equalTo(List.of("FULL", "FULL")));
        move(zhejiang, alertId, "INVESTIGATING").statusCode(200);
        move(zhejiang, alertId, "CONFIRMED").statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aCityAuditorInvestigatesButCannotDecideAnAlertReachingAnotherCity() {
        String alertId = doubleRegistration("330100", "330200");
        String hangzhou = auditorOf("330100");
        given().auth().oauth2(hangzhou).when().get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("records.shown", equalTo(List.of("FULL", "OTHER_SIDE")));
        given().auth().oauth2(auditorOf("330500")).when().get("/api/v1/alerts/" + alertId).then().statusCode(404);
        move(hangzhou, alertId, "INVESTIGATING").statusCode(200);
        forbiddenDecision(move(hangzhou, alertId, "DISMISSED"));
        given().auth().oauth2(hangzhou).contentType("application/json").body("{}")
                .when().post("/api/v1/alerts/" + alertId + "/share").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        move(TestTokens.auditor(), alertId, "DISMISSED").statusCode(200);
    }

    @Test
    void aProvinceCannotDecideAnAlertNamingARecordOutsideIt() {
        String alertId = doubleRegistration("330100", "320100");
        move(TestTokens.province("330000"), alertId, "INVESTIGATING").statusCode(200);
        forbiddenDecision(move(TestTokens.province("330000"), alertId, "CONFIRMED"));
        forbiddenDecision(move(TestTokens.province("320000"), alertId, "DISMISSED"));
        move(TestTokens.auditor(), alertId, "CONFIRMED").statusCode(200);
        forbiddenDecision(move(TestTokens.province("330000"), alertId, "REFERRED"));
        move(TestTokens.auditor(), alertId, "REFERRED").statusCode(200).body("status", equalTo("REFERRED"));
        // A province deciding an alert within it is unaffected.
        String inside = doubleRegistration("330100", "330200");
        move(TestTokens.province("330000"), inside, "INVESTIGATING").statusCode(200);
        move(TestTokens.province("330000"), inside, "CONFIRMED").statusCode(200);
    }

    private static void forbiddenDecision(ValidatableResponse response) {
        response.statusCode(403).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].rule", equalTo("scope-covers-all-records"));
    }

    private static ValidatableResponse move(String token, String alertId, String to) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"to\":\"" + to + "\"}")
                .when().post("/api/v1/alerts/" + alertId + "/transitions").then();
    }
}
