package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.sendEvent;
import static org.techschools.quota.PlanWorkflowTest.create;
import static org.techschools.quota.PlanWorkflowTest.line;
import static org.techschools.quota.PlanWorkflowTest.plan;
import static org.techschools.quota.PlanWorkflowTest.school;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Plan-compliance alerts raised from enrollment-events: OVER_PLAN beyond the issued plan, NO_PLAN without one,
 * CROSS_CITY_RECRUITMENT within the province (except 省属技师学院); one per subject however often events replay;
 * listed by scope with filters and cursor paging; worked through their workflow.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class PlanAlertsTest {

    private static final String SHAOXING = "330600";

    @Test
    void enrollmentBeyondThePlanWithoutAPlanOrFromAnotherCityRaisesOneAlertEachHoweverOftenEventsReplay() {
        int year = 2034;
        String planned = school("SXP", SHAOXING, "TECHNICAL_SCHOOL", false);
        String unplanned = school("SXN", SHAOXING, "TECHNICAL_SCHOOL", false);
        String provincialCollege = school("SXT", SHAOXING, "TECHNICIAN_COLLEGE", true);
        String city = TestTokens.city(SHAOXING);
        String planId = create(city, plan(planned, year, line("0101", "INTERMEDIATE", "FULL_TIME", 1),
                line("0101", "INTERMEDIATE", "PART_TIME", 1))).getString("id");
        given().auth().oauth2(city).when().post("/api/v1/plans/" + planId + "/issue").then().statusCode(200);

        List<String> events = new ArrayList<>();
        // Three students for a cell planned at 2 (both study modes count): OVER_PLAN naming all three.
        List<Enrollment> over = List.of(new Enrollment(planned, SHAOXING, year), new Enrollment(planned, SHAOXING, year),
                new Enrollment(planned, SHAOXING, year));
        over.forEach(e -> events.add(e.recorded()));
        // Within the plan: another major at its own level has no line, so it is over a plan of 0 — not here; 0202 is
        // simply not enrolled. Two students at a school without a plan: one NO_PLAN alert naming both.
        Enrollment n1 = new Enrollment(unplanned, SHAOXING, year);
        Enrollment n2 = new Enrollment(unplanned, SHAOXING, year);
        events.add(n1.recorded());
        events.add(n2.recorded());
        // From 杭州 (another city of the province) to a city school: CROSS_CITY_RECRUITMENT; to a 省属技师学院: allowed;
        // from another province: welcome (跨区域联合培养).
        Enrollment crossCity = new Enrollment(unplanned, SHAOXING, year);
        crossCity.originRegion = "330102";
        Enrollment toProvincialCollege = new Enrollment(provincialCollege, SHAOXING, year);
        toProvincialCollege.originRegion = "330102";
        toProvincialCollege.schoolProvincial = true;
        Enrollment fromSichuan = new Enrollment(unplanned, SHAOXING, year);
        fromSichuan.originRegion = "510104";
        events.add(crossCity.recorded());
        events.add(toProvincialCollege.recorded());
        events.add(fromSichuan.recorded());
        events.forEach(e -> sendEvent(Topics.ENROLLMENT_EVENTS, e));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(4, alerts(year, null).getList("items").size()));
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        String before = alerts(year, null).prettify();

        JsonPath overPlan = alerts(year, "OVER_PLAN");
        assertEquals(1, overPlan.getList("items").size());
        assertEquals(planned, overPlan.getString("items[0].schoolCode"));
        assertEquals("0101", overPlan.getString("items[0].majorCode"));
        assertEquals("INTERMEDIATE", overPlan.getString("items[0].classLevel"));
        assertEquals(2, overPlan.getInt("items[0].planned"));
        assertEquals(3, overPlan.getInt("items[0].actual"));
        assertEquals(3, overPlan.getList("items[0].records").size());
        given().auth().oauth2(city).queryParam("year", year).queryParam("type", "OVER_PLAN")
                .when().get("/api/v1/plan-alerts")
                .then().body("items[0].records.sourceRecordId", containsInAnyOrder(
                        over.get(0).sourceRecordId, over.get(1).sourceRecordId, over.get(2).sourceRecordId));

        JsonPath noPlan = given().auth().oauth2(city).queryParam("year", year).queryParam("type", "NO_PLAN")
                .queryParam("school", unplanned)
                .when().get("/api/v1/plan-alerts").then().statusCode(200).extract().jsonPath();
        assertEquals(1, noPlan.getList("items").size());
        assertEquals(unplanned, noPlan.getString("items[0].schoolCode"));
        assertEquals(4, noPlan.getList("items[0].records").size()); // n1, n2, crossCity, fromSichuan

        JsonPath crossAlerts = alerts(year, "CROSS_CITY_RECRUITMENT");
        assertEquals(1, crossAlerts.getList("items").size());
        // Sent at county level (a version 1 event), kept at city level: the rule needs no more.
        assertEquals("330100", crossAlerts.getString("items[0].originRegion"));
        assertEquals(crossCity.enrollmentId.toString(), crossAlerts.getString("items[0].records[0].enrollmentId"));
        assertEquals(crossCity.sourceRecordId, crossAlerts.getString("items[0].records[0].sourceRecordId"));
        assertEquals(unplanned, crossAlerts.getString("items[0].records[0].schoolCode"));

        // The provincial college has no plan either: its NO_PLAN is the fourth alert, and no cross-city one.
        given().auth().oauth2(city).queryParam("school", provincialCollege)
                .when().get("/api/v1/plan-alerts")
                .then().statusCode(200).body("items.type", contains("NO_PLAN"));

        // Replay everything (same eventIds) and re-send as new events: still the same alerts.
        events.forEach(e -> sendEvent(Topics.ENROLLMENT_EVENTS, e));
        over.get(2).version = 2;
        sendEvent(Topics.ENROLLMENT_EVENTS, over.get(2).recorded());
        crossCity.version = 2;
        sendEvent(Topics.ENROLLMENT_EVENTS, crossCity.recorded());
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        assertEquals(before.replaceAll("\"updatedAt\": \"[^\"]*\"", ""),
                alerts(year, null).prettify().replaceAll("\"updatedAt\": \"[^\"]*\"", ""));

        // An approved adjustment raising the plan shows the new figures on the next check; the alert stays for review.
        String adjustment = given().auth().oauth2(city).contentType(ContentType.JSON)
                .body("{\"lines\":[" + line("0101", "INTERMEDIATE", "FULL_TIME", 5) + "],\"reason\":\"扩招\"}")
                .when().post("/api/v1/plans/" + planId + "/adjustments")
                .then().statusCode(201).extract().jsonPath().getString("adjustments[0].id");
        given().auth().oauth2(TestTokens.province("330000")).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/plans/" + planId + "/adjustments/" + adjustment + "/decision")
                .then().statusCode(200);
        assertEquals(5, alerts(year, "OVER_PLAN").getInt("items[0].planned"));

        // A withdrawal lowers the figure; the alert stays for the office to decide.
        over.get(0).version = 2;
        sendEvent(Topics.ENROLLMENT_EVENTS, over.get(0).withdrawn());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertEquals(2, alerts(year, "OVER_PLAN").getInt("items[0].actual")));
        assertEquals("OPEN", alerts(year, "OVER_PLAN").getString("items[0].status"));
    }

    @Test
    void alertsAreScopedFilteredPagedAndWorkedThroughTheirWorkflow() {
        int year = 2035;
        String school = school("SXW", SHAOXING, "TECHNICAL_SCHOOL", false);
        for (int i = 0; i < 3; i++) {
            Enrollment e = new Enrollment(school, SHAOXING, year);
            e.originRegion = "330201"; // 宁波
            sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(4, alerts(year, null).getList("items").size()));

        // Scope: another city, another province and another school see nothing; the school sees its own.
        given().auth().oauth2(TestTokens.city("330100")).queryParam("year", year)
                .when().get("/api/v1/plan-alerts").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.province("320000")).queryParam("year", year)
                .when().get("/api/v1/plan-alerts").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.school("OTHER")).queryParam("year", year)
                .when().get("/api/v1/plan-alerts").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.school(school)).queryParam("year", year)
                .when().get("/api/v1/plan-alerts").then().statusCode(200).body("items", hasSize(4));
        given().auth().oauth2(TestTokens.token("public", null, null))
                .when().get("/api/v1/plan-alerts").then().statusCode(403);
        given().auth().oauth2(TestTokens.national()).queryParam("type", "LATE")
                .when().get("/api/v1/plan-alerts").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.national()).queryParam("cursor", "garbage")
                .when().get("/api/v1/plan-alerts").then().statusCode(400).body("errors[0].field", equalTo("cursor"));

        // Paging: 3 cross-city alerts, 2 per page.
        JsonPath first = given().auth().oauth2(TestTokens.auditor()).queryParam("year", year).queryParam("city", SHAOXING)
                .queryParam("type", "CROSS_CITY_RECRUITMENT").queryParam("limit", 2)
                .when().get("/api/v1/plan-alerts").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        JsonPath second = given().auth().oauth2(TestTokens.auditor()).queryParam("year", year).queryParam("city", SHAOXING)
                .queryParam("type", "CROSS_CITY_RECRUITMENT").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/v1/plan-alerts").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue()).extract().jsonPath();
        assertNotEquals(first.getString("items[0].id"), second.getString("items[0].id"));
        assertNotEquals(first.getString("items[1].id"), second.getString("items[0].id"));

        // Workflow: OPEN → INVESTIGATING → CONFIRMED → REFERRED; anything else is 409.
        String id = second.getString("items[0].id");
        String city = TestTokens.city(SHAOXING);
        move(city, id, "CONFIRMED", 409).body("errors[0].rule", equalTo("illegal-transition"));
        move(city, id, "INVESTIGATING", 200).body("status", equalTo("INVESTIGATING"));
        move(TestTokens.school(school), id, "CONFIRMED", 403);
        move(TestTokens.city("330100"), id, "CONFIRMED", 404);
        move(city, id, "CONFIRMED", 200);
        move(TestTokens.province("330000"), id, "REFERRED", 200)
                .body("status", equalTo("REFERRED"))
                .body("history.to", contains("OPEN", "INVESTIGATING", "CONFIRMED", "REFERRED"))
                .body("history[3].actor", equalTo("province@330000"))
                .body("history[3].note", equalTo("note REFERRED"));
        move(city, id, "DISMISSED", 409);
        String other = first.getString("items[0].id");
        move(city, other, "INVESTIGATING", 200);
        move(city, other, "DISMISSED", 200);
        move(city, other, "REFERRED", 409);
        given().auth().oauth2(city).queryParam("year", year).queryParam("status", "DISMISSED")
                .when().get("/api/v1/plan-alerts").then().body("items.id", contains(other));
        given().auth().oauth2(TestTokens.school(school)).when().get("/api/v1/plan-alerts/" + id)
                .then().statusCode(200).body("history", hasSize(4));
    }

    private static io.restassured.response.ValidatableResponse move(String token, String id, String to, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"note\":\"note " + to + "\"}")
                .when().post("/api/v1/plan-alerts/" + id + "/transitions")
                .then().statusCode(status);
    }

    private static JsonPath alerts(int year, String type) {
        var request = given().auth().oauth2(TestTokens.province("330000")).queryParam("year", year);
        if (type != null) {
            request = request.queryParam("type", type);
        }
        return request.when().get("/api/v1/plan-alerts").then().statusCode(200).extract().jsonPath();
    }
}
