package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 招生计划 workflow: drafted and issued by the city office (省属 schools: the province) against the filed major catalogue,
 * filed with the province, changed only through adjustment requests the province decides; every step in the history
 * and on quota-events. Each test owns an intake year, so the plan figures on the dashboard are exact.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class PlanWorkflowTest {

    private static final String PROVINCE = "330000";
    private static final String HUZHOU = "330500";
    private static final String HANGZHOU = "330100";

    static String line(String major, String level, String mode, int count) {
        return "{\"majorCode\":\"" + major + "\",\"classLevel\":\"" + level + "\",\"studyMode\":\"" + mode
                + "\",\"count\":" + count + "}";
    }

    static String plan(String school, int year, String... lines) {
        return "{\"schoolCode\":\"" + school + "\",\"year\":" + year + ",\"lines\":[" + String.join(",", lines) + "]}";
    }

    static String lines(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    /** A school with 0101 filed at 中级工/高级工 and 0202 at 中级工, known to quota-service once this returns. */
    static String school(String prefix, String city, String type, boolean provincial) {
        String code = schoolCode(prefix);
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(code, "学校" + code, PROVINCE, city, type, provincial,
                Map.of("0101", List.of("INTERMEDIATE", "ADVANCED"), "0202", List.of("INTERMEDIATE"))));
        awaitConsumed(Topics.SCHOOL_EVENTS);
        return code;
    }

    static JsonPath create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aCityOfficeIssuesAPlanTheProvinceFilesItAndAdjustmentsNeedTheProvincesApproval() {
        int year = 2031;
        String school = school("HU", HUZHOU, "TECHNICAL_SCHOOL", false);
        String city = TestTokens.city(HUZHOU);
        String province = TestTokens.province(PROVINCE);

        JsonPath draft = create(city, plan(school, year, line("0101", "INTERMEDIATE", "FULL_TIME", 40)));
        String id = draft.getString("id");
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(40, draft.getInt("total"));

        // A draft is edited freely; issuing checks every line against the filed catalogue (专业目录备案).
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body(lines(line("0101", "INTERMEDIATE", "FULL_TIME", 40), line("0303", "INTERMEDIATE", "FULL_TIME", 10),
                        line("0202", "ADVANCED", "FULL_TIME", 5)))
                .when().put("/api/v1/plans/" + id)
                .then().statusCode(200).body("lines", hasSize(3)).body("total", equalTo(55));
        given().auth().oauth2(city)
                .when().post("/api/v1/plans/" + id + "/issue")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("lines[1].majorCode", "lines[2].classLevel"))
                .body("errors.rule", contains("major-not-filed", "level-not-filed"));
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body(lines(line("0101", "INTERMEDIATE", "FULL_TIME", 40), line("0101", "ADVANCED", "PART_TIME", 20),
                        line("0202", "INTERMEDIATE", "FULL_TIME", 15)))
                .when().put("/api/v1/plans/" + id)
                .then().statusCode(200);
        given().auth().oauth2(city)
                .when().post("/api/v1/plans/" + id + "/issue")
                .then().statusCode(200).body("status", equalTo("ISSUED")).body("total", equalTo(75));

        // Issued: no change at will (不得随意调整招生计划).
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body(lines(line("0101", "INTERMEDIATE", "FULL_TIME", 400)))
                .when().put("/api/v1/plans/" + id)
                .then().statusCode(409).body("errors[0].rule", equalTo("plan-not-draft"));
        given().auth().oauth2(city).when().post("/api/v1/plans/" + id + "/issue").then().statusCode(409);

        // 备案 by the province only.
        given().auth().oauth2(city).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/plans/" + id + "/file").then().statusCode(403);
        given().auth().oauth2(province).contentType(ContentType.JSON).body("{\"note\":\"已备案\"}")
                .when().post("/api/v1/plans/" + id + "/file")
                .then().statusCode(200).body("status", equalTo("FILED"));

        assertEquals(75, cityPlan(year, HUZHOU));

        // 调整申请: checked against the catalogue at once, applied only on approval.
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body("{\"lines\":[" + line("0404", "INTERMEDIATE", "FULL_TIME", 1) + "],\"reason\":\"新专业\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments")
                .then().statusCode(422).body("errors[0].field", equalTo("lines[0].majorCode"));
        JsonPath requested = given().auth().oauth2(city).contentType(ContentType.JSON)
                .body("{\"lines\":[" + line("0101", "INTERMEDIATE", "FULL_TIME", 60) + ","
                        + line("0202", "INTERMEDIATE", "FULL_TIME", 15) + "],\"reason\":\"企业订单班扩招\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments")
                .then().statusCode(201)
                .body("total", equalTo(75))
                .body("adjustments[0].status", equalTo("PENDING"))
                .extract().jsonPath();
        String adjustment = requested.getString("adjustments[0].id");
        given().auth().oauth2(city).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments/" + adjustment + "/decision")
                .then().statusCode(403);
        given().auth().oauth2(province).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\",\"note\":\"同意\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments/" + adjustment + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("FILED"))
                .body("total", equalTo(75))
                .body("lines", hasSize(2))
                .body("lines[0].count", equalTo(60))
                .body("adjustments[0].status", equalTo("APPROVED"))
                .body("adjustments[0].decisionNote", equalTo("同意"));
        given().auth().oauth2(province).contentType(ContentType.JSON).body("{\"decision\":\"REJECT\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments/" + adjustment + "/decision")
                .then().statusCode(409).body("errors[0].rule", equalTo("adjustment-decided"));

        String second = given().auth().oauth2(city).contentType(ContentType.JSON)
                .body("{\"lines\":[" + line("0101", "INTERMEDIATE", "FULL_TIME", 500) + "],\"reason\":\"再扩招\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments")
                .then().statusCode(201).extract().jsonPath().getString("adjustments[1].id");
        given().auth().oauth2(province).contentType(ContentType.JSON).body("{\"decision\":\"REJECT\",\"note\":\"不符合\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments/" + second + "/decision")
                .then().statusCode(200).body("total", equalTo(75)).body("adjustments[1].status", equalTo("REJECTED"));

        given().auth().oauth2(TestTokens.school(school))
                .when().get("/api/v1/plans/" + id)
                .then().statusCode(200)
                .body("history.action", contains("CREATED", "EDITED", "EDITED", "ISSUED", "FILED", "ADJUSTMENT_REQUESTED",
                        "ADJUSTMENT_APPROVED", "ADJUSTMENT_REQUESTED", "ADJUSTMENT_REJECTED"))
                .body("history[4].note", equalTo("已备案"))
                .body("history[6].lines", hasSize(2))
                .body("history[0].actor", notNullValue());
        assertEquals(75, cityPlan(year, HUZHOU));

        // Every step on quota-events, keyed by school code, as its schema says.
        List<String> events = EventFixtures.published(Topics.QUOTA_EVENTS, id, 9);
        assertEquals(9, events.size());
        for (String event : events) {
            assertEquals(Set.of(), EventContracts.violations(event, "PlanChanged"), event);
        }
        JsonPath approved = new JsonPath(events.stream().filter(e -> e.contains("ADJUSTMENT_APPROVED")).findFirst().orElseThrow());
        assertEquals(school, approved.getString("aggregateId"));
        assertEquals("FILED", approved.getString("payload.status"));
        assertEquals(75, approved.getInt("payload.total"));
        assertEquals(adjustment, approved.getString("payload.adjustmentId"));
    }

    @Test
    void theCityIssuesPlansOfItsSchoolsAndTheProvinceThoseOfProvincialSchools() {
        int year = 2032;
        String citySchool = school("HZC", HANGZHOU, "TECHNICAL_SCHOOL", false);
        String provincialSchool = school("HZP", HANGZHOU, "TECHNICIAN_COLLEGE", true);
        String body = plan(citySchool, year, line("0101", "INTERMEDIATE", "FULL_TIME", 10));

        given().auth().oauth2(TestTokens.city(HUZHOU)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.province(PROVINCE)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans").then().statusCode(403);
        given().auth().oauth2(TestTokens.school(citySchool)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans").then().statusCode(403);
        String cityPlan = create(TestTokens.city(HANGZHOU), body).getString("id");
        given().auth().oauth2(TestTokens.city(HANGZHOU)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans").then().statusCode(409).body("errors[0].rule", equalTo("plan-exists"));

        String provincialBody = plan(provincialSchool, year, line("0101", "ADVANCED", "FULL_TIME", 30));
        given().auth().oauth2(TestTokens.city(HANGZHOU)).contentType(ContentType.JSON).body(provincialBody)
                .when().post("/api/v1/plans").then().statusCode(403);
        String provincialPlan = create(TestTokens.province(PROVINCE), provincialBody).getString("id");
        given().auth().oauth2(TestTokens.province(PROVINCE))
                .when().post("/api/v1/plans/" + provincialPlan + "/issue")
                .then().statusCode(200).body("status", equalTo("ISSUED"));

        // Reads are scoped: another city does not see the plan at all, the school sees its own.
        given().auth().oauth2(TestTokens.city(HUZHOU)).when().get("/api/v1/plans/" + cityPlan).then().statusCode(404);
        given().auth().oauth2(TestTokens.school(provincialSchool)).when().get("/api/v1/plans/" + cityPlan)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.national()).when().get("/api/v1/plans/" + cityPlan)
                .then().statusCode(200).body("status", equalTo("DRAFT"));

        // Listings are scoped the same way.
        given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", year)
                .when().get("/api/v1/plans")
                .then().statusCode(200).body("items.schoolCode", containsInAnyOrder(citySchool, provincialSchool));
        given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", year).queryParam("status", "ISSUED")
                .when().get("/api/v1/plans")
                .then().statusCode(200).body("items.id", contains(provincialPlan)).body("items[0].total", equalTo(30));
        given().auth().oauth2(TestTokens.city(HUZHOU)).queryParam("year", year)
                .when().get("/api/v1/plans").then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.school(citySchool)).queryParam("year", year)
                .when().get("/api/v1/plans").then().statusCode(200).body("items.id", contains(cityPlan));
        // Page by page (by school code), at most MAX_LIMIT a page.
        io.restassured.path.json.JsonPath first = given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", year)
                .queryParam("limit", 1).when().get("/api/v1/plans").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue()).extract().jsonPath();
        given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", year).queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor")).when().get("/api/v1/plans").then().statusCode(200)
                .body("items.schoolCode", contains(java.util.stream.Stream.of(citySchool, provincialSchool)
                        .filter(code -> !code.equals(first.getString("items[0].schoolCode"))).toArray()))
                .body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", year).queryParam("limit", 501)
                .when().get("/api/v1/plans").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit")).body("errors[0].rule", equalTo("out-of-range"));
        given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", year).queryParam("cursor", "not-a-cursor!")
                .when().get("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("cursor"));

        // Only issued and filed plans count as the plan figure.
        assertEquals(30, cityPlan(year, HANGZHOU));
        given().auth().oauth2(TestTokens.province(PROVINCE))
                .queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress")
                .then().statusCode(200).body("plan", equalTo(30));
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndTheRule() {
        int year = 2033;
        String school = school("HUV", HUZHOU, "TECHNICAL_SCHOOL", false);
        String city = TestTokens.city(HUZHOU);
        given().auth().oauth2(city).contentType(ContentType.JSON).body(plan(school, year))
                .when().post("/api/v1/plans")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("lines"));
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body(plan(school, year, line("0101", "INTERMEDIATE", "FULL_TIME", 0), line("0101", "MASTER", "FULL_TIME", 3)))
                .when().post("/api/v1/plans")
                .then().statusCode(400)
                .body("errors.field", contains("lines[0].count", "lines[1].classLevel"))
                .body("errors.rule", contains("positive", "invalid-value"));
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body(plan(school, year, line("0101", "INTERMEDIATE", "FULL_TIME", 3), line("0101", "INTERMEDIATE", "FULL_TIME", 4)))
                .when().post("/api/v1/plans")
                .then().statusCode(422).body("errors[0].field", equalTo("lines[1]")).body("errors[0].rule", equalTo("duplicate-line"));
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body(plan("NO-SUCH-SCHOOL", year, line("0101", "INTERMEDIATE", "FULL_TIME", 3)))
                .when().post("/api/v1/plans")
                .then().statusCode(422).body("errors[0].field", equalTo("schoolCode")).body("errors[0].rule", equalTo("unknown-school"));
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body("{\"schoolCode\":\"" + school + "\",\"lines\":[" + line("0101", "INTERMEDIATE", "FULL_TIME", 3) + "]}")
                .when().post("/api/v1/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(city).when().get("/api/v1/plans/not-a-uuid").then().statusCode(400);
        given().when().get("/api/v1/plans/" + java.util.UUID.randomUUID()).then().statusCode(401);
        // A draft cannot be adjusted: it is edited.
        String id = create(city, plan(school, year, line("0101", "INTERMEDIATE", "FULL_TIME", 3))).getString("id");
        given().auth().oauth2(city).contentType(ContentType.JSON)
                .body("{\"lines\":[" + line("0101", "INTERMEDIATE", "FULL_TIME", 4) + "],\"reason\":\"x\"}")
                .when().post("/api/v1/plans/" + id + "/adjustments")
                .then().statusCode(409).body("errors[0].rule", equalTo("plan-not-issued"));
        given().auth().oauth2(TestTokens.province(PROVINCE)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/plans/" + id + "/file")
                .then().statusCode(409).body("errors[0].rule", equalTo("plan-not-issued"));
        assertTrue(cityPlan(year, HUZHOU) == 0);
    }

    static long cityPlan(int year, String cityCode) {
        return given().auth().oauth2(TestTokens.national())
                .queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .extract().jsonPath().getLong("cities.find { it.cityCode == '" + cityCode + "' }.plan");
    }
}
