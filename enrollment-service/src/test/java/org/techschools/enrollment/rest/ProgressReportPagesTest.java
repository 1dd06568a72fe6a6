package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.techschools.enrollment.ConsolePages.as;
import static org.techschools.enrollment.ConsolePages.csrf;
import static org.techschools.enrollment.ConsolePages.signIn;
import static org.techschools.enrollment.ConsolePages.text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.enrollment.ConsolePages;
import org.techschools.enrollment.TestData;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The 进展表 pages as served HTML: a province office sees the same figures as the API, files the month through the
 * page's form (refused without the session's csrf value) and then sees which cells changed since; the national
 * centre sees who filed, on time or late; a province never sees another's table. Each test has a province of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ProgressReportPagesTest {

    private static final String HUBEI = "420000";
    private static final String WUHAN = "420100";
    private static final String HUNAN = "430000";
    private static final String CHANGSHA = "430100";
    /** A scheduled month long past: due 2025-11-10, so any filing now is late. */
    private static final String MONTH = "2025-10";
    private static final String[] COLUMNS = { "enrollingSchools", "cumulativeEnrollment", "fullTime", "partTime" };

    /** A record of intake 2025 pushed as the school, then moved to {@code createdAt} as if pushed back then. */
    private static void enrolledIn2025(String school, String sourceRecordId, String studyMode, String createdAt) {
        Map<String, Object> e = TestData.enrollment(school, sourceRecordId, TestData.idNumber(LocalDate.of(2009, 5, 17), true));
        TestData.student(e).put("birthDate", "2009-05-17");
        e.put("intakeYear", 2025);
        e.put("enrolledOn", "2025-09-01");
        e.put("studyMode", studyMode);
        if ("PART_TIME".equals(studyMode)) {
            e.put("employer", "武汉重型机床厂");
        }
        TestData.push(e);
        QuarkusTransaction.requiringNew().run(() -> Enrollment.getEntityManager()
                .createNativeQuery("update enrollment set created_at = ?1, updated_at = ?1 where school_code = ?2 and source_record_id = ?3")
                .setParameter(1, Instant.parse(createdAt)).setParameter(2, school).setParameter(3, sourceRecordId).executeUpdate());
    }

    private static String page(String session, String query) {
        String html = as(session).get("/console/progress-reports" + query).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 500_000, "the page is under 500 KB");
        return html;
    }

    /** Every cell of the page's table equals the API's 进展表 of the same province and month. */
    private static void sameFiguresAsTheApi(String html, String province) {
        JsonPath api = given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/{p}/{m}", province, MONTH).then()
                .statusCode(200).extract().jsonPath();
        List<String> categories = api.getList("rows.category");
        assertEquals(List.of("TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE", "TOTAL"), categories);
        for (int i = 0; i < categories.size(); i++) {
            for (String column : COLUMNS) {
                assertEquals(String.valueOf(api.getInt("rows[" + i + "]." + column)), text(html, "data-cell", categories.get(i) + "-" + column),
                        categories.get(i) + " " + column);
            }
        }
    }

    @Test
    void aProvinceSeesTheApisFiguresFilesTheMonthAndThenSeesWhatChanged() {
        String technical = TestData.createSchool(HUBEI, WUHAN, "TECHNICAL_SCHOOL");
        String college = TestData.createSchool(HUBEI, WUHAN, "TECHNICIAN_COLLEGE");
        enrolledIn2025(technical, "P-1", "FULL_TIME", "2025-10-05T02:00:00Z");
        enrolledIn2025(college, "P-2", "PART_TIME", "2025-10-06T02:00:00Z");
        String session = signIn("province", null, HUBEI);

        String html = page(session, "?month=" + MONTH);
        sameFiguresAsTheApi(html, HUBEI);
        assertEquals("2", text(html, "data-cell", "TOTAL-cumulativeEnrollment"));
        assertTrue(html.contains("<option value=\"" + MONTH + "\" selected>2025年10月</option>") && html.contains("id=\"not-filed\""), html);
        as(session).get("/api/v1/progress-reports/{p}/{m}.xlsx", HUBEI, MONTH).then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertTrue(html.contains("href=\"/api/v1/progress-reports/" + HUBEI + "/" + MONTH + ".xlsx\""));

        // Filing needs the session's csrf value; the API's filing stays absent until then.
        as(session).contentType(ConsolePages.FORM).formParam("province", HUBEI).formParam("month", MONTH).formParam("csrf", "forged")
                .post("/console/progress-reports/filing").then().statusCode(403);
        given().auth().oauth2(TestTokens.province(HUBEI)).get("/api/v1/progress-reports/{p}/{m}/filing", HUBEI, MONTH).then().statusCode(404);
        as(session).contentType(ConsolePages.FORM).formParam("province", HUBEI).formParam("month", MONTH).formParam("csrf", csrf(html))
                .post("/console/progress-reports/filing").then().statusCode(303)
                .header("Location", containsString("/console/progress-reports?province=" + HUBEI + "&month=" + MONTH + "&done=filed"));
        given().auth().oauth2(TestTokens.province(HUBEI)).get("/api/v1/progress-reports/{p}/{m}/filing", HUBEI, MONTH).then().statusCode(200);

        String filed = page(session, "?month=" + MONTH + "&done=filed");
        assertTrue(filed.contains("已报送") && filed.contains("逾期报送") && filed.contains("报送后数据没有变化") && filed.contains("重新报送"), filed);

        // A record of October that arrived after the filing: today's figures differ from the filed ones, cell by cell.
        enrolledIn2025(technical, "P-3", "FULL_TIME", "2025-10-20T02:00:00Z");
        String changed = page(session, "?month=" + MONTH);
        sameFiguresAsTheApi(changed, HUBEI);
        JsonPath filing = given().auth().oauth2(TestTokens.province(HUBEI)).get("/api/v1/progress-reports/{p}/{m}/filing", HUBEI, MONTH)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, filing.getInt("differences[3].cumulativeEnrollment"));
        assertTrue(changed.contains("data-filed-cell=\"TOTAL-cumulativeEnrollment\" data-changed=\"+1\">2<br><mark>今日 3（+1）</mark>"), changed);
        assertTrue(changed.contains("data-filed-cell=\"TECHNICAL_SCHOOL-fullTime\" data-changed=\"+1\""));
        assertFalse(changed.contains("data-filed-cell=\"TECHNICIAN_COLLEGE-partTime\" data-changed"), "an unchanged cell is not highlighted");
        assertTrue(changed.contains("报送后数据有变化"));
    }

    @Test
    void theNationalCentreSeesWhoFiledAndOpensAProvince() {
        String school = TestData.createSchool(HUNAN, CHANGSHA, "SENIOR_TECHNICAL_SCHOOL");
        enrolledIn2025(school, "N-1", "FULL_TIME", "2025-10-08T02:00:00Z");
        given().auth().oauth2(TestTokens.province(HUNAN)).post("/api/v1/progress-reports/{p}/{m}/filing", HUNAN, MONTH).then().statusCode(200);
        String session = signIn("national", null, null);

        String html = page(session, "?month=" + MONTH);
        JsonPath national = given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/national/{m}", MONTH).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(String.valueOf(national.getInt("filed")), text(html, "data-stat", "filed"));
        assertEquals(String.valueOf(national.getInt("missing")), text(html, "data-stat", "missing"));
        assertEquals(String.valueOf(national.getInt("late")), text(html, "data-stat", "late"));
        assertEquals(String.valueOf(national.getInt("filedTotal.cumulativeEnrollment")), text(html, "data-stat", "sum"));
        String hunan = html.replaceAll("(?s).*(<tr data-province=\"" + HUNAN + "\">.*?</tr>).*", "$1");
        assertTrue(hunan.contains("badge late") && hunan.contains("逾期报送"), hunan);
        String hainan = html.replaceAll("(?s).*(<tr data-province=\"460000\">.*?</tr>).*", "$1");
        assertTrue(hainan.contains("badge missing") && hainan.contains("逾期未报"), hainan);
        assertFalse(html.contains("data-cell="), "no province's table until one is picked");

        String province = page(session, "?month=" + MONTH + "&province=" + HUNAN);
        sameFiguresAsTheApi(province, HUNAN);
        assertFalse(province.contains("action=\"/console/progress-reports/filing\""), "only the province files");
    }

    @Test
    void aProvinceNeverSeesAnotherProvincesTableAndACityIsSentToItsDashboard() {
        String session = signIn("province", null, HUNAN);
        as(session).get("/console/progress-reports?province={p}&month={m}", HUBEI, MONTH).then().statusCode(403)
                .body(containsString("scope"));
        as(session).contentType(ConsolePages.FORM).formParam("province", HUBEI).formParam("month", MONTH)
                .formParam("csrf", csrf(page(session, ""))).post("/console/progress-reports/filing").then().statusCode(403);
        as(session).get("/console/progress-reports?month=2025-13").then().statusCode(400).body(containsString("month"));

        String city = page(signIn("city", null, CHANGSHA), "");
        assertTrue(city.contains("设区市人社部门不查看全省进展表") && !city.contains("data-cell="), city);
        as(signIn("school", "SP0000000001", null)).get("/console/progress-reports").then().statusCode(403);
    }
}
