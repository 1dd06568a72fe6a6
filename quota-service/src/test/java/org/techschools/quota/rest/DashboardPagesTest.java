package org.techschools.quota.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;
import static org.techschools.quota.rest.ConsoleSessions.as;
import static org.techschools.quota.rest.ConsoleSessions.attributes;
import static org.techschools.quota.rest.ConsoleSessions.cell;
import static org.techschools.quota.rest.ConsoleSessions.figure;
import static org.techschools.quota.rest.ConsoleSessions.grouped;
import static org.techschools.quota.rest.ConsoleSessions.page;
import static org.techschools.quota.rest.ConsoleSessions.signIn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The dashboard pages as a city or provincial office gets them: the figures on the page are those of the 进展 API for
 * the same person and data, and an office never sees another region's figures or schools. 台州 and 丽水 in 2025 are
 * this class's own (no other test enrolls there).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class DashboardPagesTest {

    private static final String PROVINCE = "330000";
    private static final String TAIZHOU = "331000";
    private static final String LISHUI = "331100";
    private static final int YEAR = 2025;

    private static String taizhouSchool;

    /** Three students at a 台州 school (one 高级工班) and one at a 丽水 school, once for the class. */
    @BeforeEach
    void enroll() {
        if (taizhouSchool != null) {
            return;
        }
        String taizhou = school(TAIZHOU);
        String lishui = school(LISHUI);
        for (String level : List.of("INTERMEDIATE", "INTERMEDIATE", "ADVANCED")) {
            Enrollment e = new Enrollment(taizhou, TAIZHOU, YEAR);
            e.classLevel = level;
            sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded());
        }
        sendEvent(Topics.ENROLLMENT_EVENTS, new Enrollment(lishui, LISHUI, YEAR).recorded());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertEquals(3, cityProgress(TestTokens.city(TAIZHOU)).getInt("actual"));
            assertEquals(1, cityProgress(TestTokens.city(LISHUI)).getInt("actual"));
        });
        taizhouSchool = taizhou;
    }

    private static String school(String city) {
        String code = schoolCode("DP");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(code, "学校" + code, PROVINCE, city, "TECHNICAL_SCHOOL", false,
                Map.of("0101", List.of("INTERMEDIATE", "ADVANCED"))));
        awaitConsumed(Topics.SCHOOL_EVENTS);
        return code;
    }

    private static JsonPath cityProgress(String token) {
        return given().auth().oauth2(token).queryParam("year", YEAR).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void withoutASessionThePersonIsSentToSignInAndASchoolMayNotOpenTheDashboard() {
        given().redirects().follow(false).when().get("/console/dashboard").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
        given().auth().oauth2(TestTokens.school("X1")).when().get("/console/dashboard").then().statusCode(403);
    }

    @Test
    void aCityOfficeSeesTheFiguresOfTheApiForItsCityOnly() {
        String session = signIn("city", TAIZHOU);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath api = cityProgress(TestTokens.city(TAIZHOU));
            String html = page(session, "/console/dashboard?year=" + YEAR);
            assertEquals(grouped(api.getLong("actual")), figure(html, "actual"));
            assertEquals(grouped(api.getLong("target")), figure(html, "target"));
            assertEquals(grouped(api.getLong("expectedByToday")), figure(html, "expectedByToday"));
            assertEquals(api.getString("completionPct") + "%", figure(html, "completionPct"));
            String row = "data-city=\"" + TAIZHOU + "\"";
            assertEquals(grouped(api.getLong("cities[0].actual")), cell(html, row, "actual"));
            assertEquals(grouped(api.getLong("cities[0].target")), cell(html, row, "target"));
            assertEquals(grouped(api.getLong("cities[0].expectedByToday")), cell(html, row, "expectedByToday"));
            // The 五年攻坚 burn-up: the city's share of the campaign, as the API reports it, drawn with a title and a table.
            assertEquals(grouped(api.getLong("campaign.actual")), figure(html, "campaignActual"));
            assertEquals(grouped(api.getLong("campaign.target")), figure(html, "campaignTarget"));
            assertEquals(List.of(TAIZHOU), attributes(html, "data-city"));
        });
        String html = page(session, "/console/dashboard?year=" + YEAR);
        assertTrue(html.contains("<svg") && html.contains("<title id=\"burnup-title\">") && html.contains("id=\"campaign\""),
                "the burn-up is an SVG with a title and a table");
        assertTrue(html.contains("id=\"cities-title\"") && html.contains("id=\"year-burnup-title\""),
                "the per-city chart and the year's monthly burn-up have a title");
        for (ClassLevel level : ClassLevel.values()) {
            assertTrue(html.contains("data-level=\"" + level.name() + "\""), level + " has a share row");
        }
        assertTrue(html.contains("data-group=\"POOR_FAMILY\""), "priority groups are shown");
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 500_000, "a page stays under 500 KB");
        assertFalse(html.contains(LISHUI), "no figure of another city");

        String drill = page(session, "/console/dashboard/cities/" + TAIZHOU + "?year=" + YEAR);
        JsonPath schools = given().auth().oauth2(TestTokens.city(TAIZHOU)).queryParam("year", YEAR)
                .when().get("/api/v1/progress/" + TAIZHOU + "/schools").then().statusCode(200).extract().jsonPath();
        String school = "schools.find { it.schoolCode == '" + taizhouSchool + "' }";
        assertEquals(grouped(schools.getLong(school + ".actual")), cell(drill, "data-school=\"" + taizhouSchool + "\"", "actual"));
        assertEquals(grouped(schools.getLong("actual")), figure(drill, "actual"));
        assertTrue(drill.contains("/api/v1/progress/" + TAIZHOU + "/schools.csv?year=" + YEAR), "the CSV download is linked");

        as(session).when().get("/console/dashboard/cities/" + LISHUI + "?year=" + YEAR).then().statusCode(403);
        as(session).when().get("/console/dashboard?year=" + YEAR + "&province=320000").then().statusCode(403);
        // The download the page links to answers the session cookie with the city's rows only.
        String csv = as(session).when().get("/api/v1/progress.csv?year=" + YEAR + "&province=" + PROVINCE)
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains(TAIZHOU) && !csv.contains(LISHUI), csv);
    }

    @Test
    void anotherCitysOfficeSeesNoneOfTaizhou() {
        String session = signIn("city", LISHUI);
        String html = page(session, "/console/dashboard?year=" + YEAR);
        assertEquals(List.of(LISHUI), attributes(html, "data-city"));
        assertFalse(html.contains(TAIZHOU) || html.contains(taizhouSchool), "nothing of 台州 on 丽水's dashboard");
        as(session).when().get("/console/dashboard/cities/" + TAIZHOU + "?year=" + YEAR).then().statusCode(403);
        String drill = page(session, "/console/dashboard/cities/" + LISHUI + "?year=" + YEAR);
        assertFalse(drill.contains(taizhouSchool), "台州's school is not among 丽水's");
    }

    @Test
    void theProvinceSeesEveryCityAsTheApiDoesAndTheNationalCentrePicksAProvince() {
        String session = signIn("province", PROVINCE);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath api = cityProgress(TestTokens.province(PROVINCE));
            String html = page(session, "/console/dashboard?year=" + YEAR);
            assertEquals(api.getList("cities.cityCode"), attributes(html, "data-city"));
            for (String city : List.of(TAIZHOU, LISHUI)) {
                String path = "cities.find { it.cityCode == '" + city + "' }";
                assertEquals(grouped(api.getLong(path + ".actual")), cell(html, "data-city=\"" + city + "\"", "actual"));
                assertEquals(grouped(api.getLong(path + ".target")), cell(html, "data-city=\"" + city + "\"", "target"));
            }
            assertEquals(grouped(api.getLong("actual")), figure(html, "actual"));
            assertEquals(grouped(api.getLong("campaign.actual")), figure(html, "campaignActual"));
            assertEquals("600,000", figure(html, "campaignTarget"));
        });
        page(session, "/console/dashboard/cities/" + TAIZHOU + "?year=" + YEAR);
        as(session).when().get("/console/dashboard/cities/320100?year=" + YEAR).then().statusCode(403);

        String national = signIn("national", null);
        as(national).when().get("/console/dashboard?year=" + YEAR).then().statusCode(200)
                .body(containsString("data-province=\"" + PROVINCE + "\""));
        as(national).when().get("/console/dashboard?year=" + YEAR + "&province=" + PROVINCE).then().statusCode(200)
                .body(containsString("data-city=\"" + TAIZHOU + "\""));
    }
}
