package org.techschools.quota.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;
import static org.techschools.quota.rest.ConsoleSessions.FORM;
import static org.techschools.quota.rest.ConsoleSessions.as;
import static org.techschools.quota.rest.ConsoleSessions.attributes;
import static org.techschools.quota.rest.ConsoleSessions.csrf;
import static org.techschools.quota.rest.ConsoleSessions.figure;
import static org.techschools.quota.rest.ConsoleSessions.page;
import static org.techschools.quota.rest.ConsoleSessions.signIn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The plan pages: a plan goes draft → issue → file → adjustment → decision through the pages' forms, each form only
 * with the session's csrf value, and the page shows what the plan API shows; plan-compliance alerts are listed and
 * moved as the alert API shows them; another city's office sees none of it. 台州 (331000) in 2028 is this class's own.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class PlanPagesTest {

    private static final String PROVINCE = "330000";
    private static final String TAIZHOU = "331000";
    private static final String LISHUI = "331100";
    private static final int YEAR = 2028;

    private static String school() {
        String code = schoolCode("PP");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(code, "学校" + code, PROVINCE, TAIZHOU, "TECHNICAL_SCHOOL", false,
                Map.of("0101", List.of("INTERMEDIATE", "ADVANCED"), "0202", List.of("INTERMEDIATE"))));
        awaitConsumed(Topics.SCHOOL_EVENTS);
        return code;
    }

    private static Response post(String session, String path, Map<String, String> fields) {
        return as(session).contentType(FORM).formParams(fields).when().post(path);
    }

    private static JsonPath apiPlan(String id) {
        return given().auth().oauth2(TestTokens.city(TAIZHOU)).when().get("/api/v1/plans/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPlanGoesThroughItsWorkflowOnThePagesFormsOnlyWithTheSessionsCsrfValue() {
        String school = school();
        String city = signIn("city", TAIZHOU);
        String cityCsrf = csrf(page(city, "/console/plans?year=" + YEAR));
        Map<String, String> draft = Map.of("school", school, "year", String.valueOf(YEAR), "majorCode", "0101",
                "classLevel", "INTERMEDIATE", "studyMode", "FULL_TIME", "count", "40");

        Map<String, String> forged = new java.util.HashMap<>(draft);
        forged.put("csrf", "not-the-session's");
        post(city, "/console/plans", forged).then().statusCode(403);
        given().auth().oauth2(TestTokens.city(TAIZHOU)).queryParam("year", YEAR).queryParam("school", school)
                .when().get("/api/v1/plans").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));

        Map<String, String> sent = new java.util.HashMap<>(draft);
        sent.put("csrf", cityCsrf);
        String location = post(city, "/console/plans", sent).then().statusCode(303).extract().header("Location");
        String id = location.replaceAll(".*/console/plans/([0-9a-f-]{36}).*", "$1");
        String planPage = page(city, "/console/plans/" + id);
        assertEquals(String.valueOf(apiPlan(id).getLong("total")), figure(planPage, "total"));
        assertTrue(planPage.contains("草稿") && planPage.contains("/console/plans/" + id + "/issue"), "a draft offers issuing");
        assertFalse(planPage.contains("/file\""), "a city office does not file");

        // Issue: the forged form changes nothing, the real one issues.
        post(city, "/console/plans/" + id + "/issue", Map.of("csrf", "forged")).then().statusCode(403);
        assertEquals("DRAFT", apiPlan(id).getString("status"));
        post(city, "/console/plans/" + id + "/issue", Map.of("csrf", cityCsrf)).then().statusCode(303);
        assertEquals("ISSUED", apiPlan(id).getString("status"));
        post(city, "/console/plans/" + id + "/file", Map.of("csrf", cityCsrf)).then().statusCode(403);

        // File: the province's own session and csrf.
        String province = signIn("province", PROVINCE);
        String provinceCsrf = csrf(page(province, "/console/plans/" + id));
        post(province, "/console/plans/" + id + "/file", Map.of("note", "准予备案", "csrf", cityCsrf)).then().statusCode(403);
        post(province, "/console/plans/" + id + "/file", Map.of("note", "准予备案", "csrf", provinceCsrf)).then().statusCode(303);
        assertEquals("FILED", apiPlan(id).getString("status"));

        // Adjustment by the city, decided by the province.
        post(city, "/console/plans/" + id + "/adjustments", Map.of("majorCode", "0101", "classLevel", "INTERMEDIATE",
                "studyMode", "FULL_TIME", "count", "55", "reason", "企业订单增加", "csrf", cityCsrf)).then().statusCode(303);
        String adjustment = apiPlan(id).getString("adjustments[0].id");
        String withRequest = page(province, "/console/plans/" + id);
        assertTrue(withRequest.contains("企业订单增加") && withRequest.contains("/adjustments/" + adjustment + "/decision"),
                "the province is offered the decision");
        post(province, "/console/plans/" + id + "/adjustments/" + adjustment + "/decision",
                Map.of("decision", "APPROVE", "note", "同意", "csrf", provinceCsrf)).then().statusCode(303);
        JsonPath decided = apiPlan(id);
        assertEquals("APPROVED", decided.getString("adjustments[0].status"));
        assertEquals(55, decided.getInt("total"));

        String done = page(city, "/console/plans/" + id);
        assertEquals("55", figure(done, "total"));
        for (String step : List.of("起草", "下达", "备案", "申请调整", "批准调整", "准予备案", "同意")) {
            assertTrue(done.contains(step), "the history shows " + step);
        }
        // A step the workflow does not allow is refused on the page with the reason, and changes nothing.
        post(province, "/console/plans/" + id + "/file", Map.of("csrf", provinceCsrf)).then().statusCode(409)
                .contentType(containsString("text/html")).body(containsString("role=\"alert\""));

        String lishui = signIn("city", LISHUI);
        as(lishui).when().get("/console/plans/" + id).then().statusCode(404);
        as(lishui).when().get("/console/plans?year=" + YEAR).then().statusCode(200).body(not(containsString(id)));
        String lishuiCsrf = csrf(page(lishui, "/console/plans?year=" + YEAR));
        post(lishui, "/console/plans/" + id + "/adjustments", Map.of("majorCode", "0101", "classLevel", "INTERMEDIATE",
                "studyMode", "FULL_TIME", "count", "1", "reason", "x", "csrf", lishuiCsrf)).then().statusCode(404);
    }

    @Test
    void planAlertsAreListedAsTheApiListsThemAndMovedByTheForm() {
        String school = school();
        sendEvent(Topics.ENROLLMENT_EVENTS, new Enrollment(school, TAIZHOU, YEAR).recorded());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertEquals(1,
                given().auth().oauth2(TestTokens.city(TAIZHOU)).queryParam("school", school).queryParam("type", "NO_PLAN")
                        .when().get("/api/v1/plan-alerts").then().extract().jsonPath().getList("items").size()));
        List<String> apiIds = given().auth().oauth2(TestTokens.city(TAIZHOU)).queryParam("school", school)
                .when().get("/api/v1/plan-alerts").then().statusCode(200).extract().jsonPath().getList("items.id");

        String city = signIn("city", TAIZHOU);
        String list = page(city, "/console/plans/alerts?school=" + school);
        assertEquals(apiIds, attributes(list, "data-alert-id"));
        assertTrue(list.contains("无计划招生"), "the type in words");
        as(city).when().get("/console/plans/alerts.csv?school=" + school).then().statusCode(200)
                .contentType(startsWith("text/csv")).body(containsString(apiIds.get(0)));

        String noPlan = given().auth().oauth2(TestTokens.city(TAIZHOU)).queryParam("school", school).queryParam("type", "NO_PLAN")
                .when().get("/api/v1/plan-alerts").then().extract().jsonPath().getString("items[0].id");
        String alertPage = page(city, "/console/plans/alerts/" + noPlan);
        post(city, "/console/plans/alerts/" + noPlan + "/transitions", Map.of("to", "INVESTIGATING", "csrf", "forged"))
                .then().statusCode(403);
        post(city, "/console/plans/alerts/" + noPlan + "/transitions",
                Map.of("to", "INVESTIGATING", "note", "核实招生计划", "csrf", csrf(alertPage))).then().statusCode(303);
        given().auth().oauth2(TestTokens.city(TAIZHOU)).when().get("/api/v1/plan-alerts/" + noPlan)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("INVESTIGATING"));
        as(city).when().get("/console/plans/alerts/" + noPlan).then().statusCode(200)
                .body(containsString("核实招生计划"), containsString("核查中"));

        String lishui = signIn("city", LISHUI);
        as(lishui).when().get("/console/plans/alerts/" + noPlan).then().statusCode(404);
        as(lishui).when().get("/console/plans/alerts?school=" + school).then().statusCode(200).body(not(containsString(noPlan)));
        as(lishui).when().get("/console/plans/alerts.csv?school=" + school).then().statusCode(200).body(not(containsString(noPlan)));
    }
}
