package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.DoubleRegistration;
import org.techschools.registration.support.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * The auditor workbench as served HTML: sign-in sets the session cookie, the list and the detail show what the API
 * shows the same person, forms need the session's csrf value, and a session cookie never writes through the API.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AlertWorkbenchPagesTest {

    private Enrollment a;
    private Enrollment b;
    private String alertId;

    @BeforeEach
    void doubleRegistration() {
        DoubleRegistration pair = DoubleRegistration.between("330100", "330200");
        a = pair.a();
        b = pair.b();
        alertId = pair.alertId();
    }

    static String signIn(String role, String school, String region) {
        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("role", role).formParam("school", school == null ? "" : school)
                .formParam("region", region == null ? "" : region)
                .when().post("/console/sign-in");
        answer.then().statusCode(303).header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        return answer.getCookie("techschools_session");
    }

    @Test
    void withoutASessionThePageSendsToSignIn() {
        given().redirects().follow(false).when().get("/console/alerts").then().statusCode(303)
                .header("Location", containsString("/console/sign-in"));
        given().when().get("/api/v1/alerts").then().statusCode(401);
    }

    @Test
    void anAuditorSeesTheAlertWithBothRecordsAndItsEvidence() {
        String session = signIn("auditor", null, null);
        given().cookie("techschools_session", session).when().get("/console/alerts?type=DOUBLE_REGISTRATION&school=" + a.schoolCode)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-alert-id=\"" + alertId + "\""), containsString("双重学籍"));
        given().cookie("techschools_session", session).when().get("/console/alerts/" + alertId)
                .then().statusCode(200).body(containsString(a.schoolCode), containsString(b.schoolCode), containsString("处理记录"));
    }

    @Test
    void aCityOfficeOfAnotherCitySeesNoneOfIt() {
        String session = signIn("city", null, "339900");
        given().cookie("techschools_session", session).when().get("/console/alerts?school=" + a.schoolCode)
                .then().statusCode(200).body(not(containsString(alertId)), not(containsString(a.schoolCode + " ·")));
        given().cookie("techschools_session", session).when().get("/console/alerts/" + alertId).then().statusCode(404);
    }

    @Test
    void aMoveNeedsTheSessionsCsrfValueAndIsKeptInTheHistory() {
        String session = signIn("auditor", null, null);
        given().cookie("techschools_session", session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("to", "INVESTIGATING").formParam("note", "forged").formParam("csrf", "not-the-session's")
                .when().post("/console/alerts/" + alertId + "/transitions").then().statusCode(403);
        org.hamcrest.MatcherAssert.assertThat(Alerts.detail(alertId).getString("status"), equalTo("OPEN"));

        String page = given().cookie("techschools_session", session).when().get("/console/alerts/" + alertId).asString();
        String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        given().redirects().follow(false).cookie("techschools_session", session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("to", "INVESTIGATING").formParam("note", "核查两校学籍").formParam("csrf", csrf)
                .when().post("/console/alerts/" + alertId + "/transitions").then().statusCode(303);
        given().cookie("techschools_session", session).when().get("/console/alerts/" + alertId)
                .then().statusCode(200).body(containsString("核查两校学籍"), containsString("核查中"));
        org.hamcrest.MatcherAssert.assertThat(Alerts.detail(alertId).getString("status"), equalTo("INVESTIGATING"));
    }

    @Test
    void aSessionCookieReadsTheApiButNeverWritesThroughIt() {
        String session = signIn("auditor", null, null);
        given().cookie("techschools_session", session).when().get("/api/v1/alerts/" + alertId).then().statusCode(200);
        given().cookie("techschools_session", session).contentType("application/json").body("{\"to\":\"INVESTIGATING\"}")
                .when().post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBadSignInIsRefusedWithTheReason() {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("role", "school").formParam("school", "<script>")
                .when().post("/console/sign-in").then().statusCode(422).body(containsString("学校代码"), not(containsString("<script>")));
    }
}
