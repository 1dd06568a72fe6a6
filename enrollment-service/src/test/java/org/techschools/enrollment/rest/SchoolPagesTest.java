package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.techschools.enrollment.ConsolePages.as;
import static org.techschools.enrollment.ConsolePages.csrf;
import static org.techschools.enrollment.ConsolePages.signIn;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.techschools.enrollment.ConsolePages;
import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The school's console page as served HTML: an upload through the file picker creates the records the API then shows,
 * the list holds the school's own records only with their check status and masked ID, a withdrawal needs its
 * confirmation form, every form needs the session's csrf value, and no page carries a raw ID number.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class SchoolPagesTest {

    private static final String BOY = TestData.idNumber(LocalDate.of(2010, 5, 17), true);
    private static final String GIRL = TestData.idNumber(LocalDate.of(2009, 3, 2), false);

    private String school;
    private String session;

    /** A school code the demo sign-in takes (letters and digits only). */
    static String createSchool() {
        String code = "SP" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON)
                .body(TestData.school(code, TestData.HANGZHOU, "TECHNICAL_SCHOOL")).post("/api/v1/schools").then().statusCode(201);
        return code;
    }

    @BeforeEach
    void signInAsASchool() {
        school = createSchool();
        session = signIn("school", school, null);
    }

    private String page(String query) {
        String html = as(session).get("/console/school" + query).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertNoRawIdNumber(html);
        return html;
    }

    private static void assertNoRawIdNumber(String html) {
        assertFalse(html.contains(BOY) || html.contains(GIRL), "a raw ID number on the page");
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 500_000, "the page is under 500 KB");
    }

    @Test
    void anUploadThroughThePageCreatesTheRecordsAndShowsEveryRow() {
        String wrongCheckDigit = BOY.substring(0, 17) + (BOY.charAt(17) == '1' ? '2' : '1');
        String csv = "记录编号,证件号码,姓名,性别,出生日期,专业代码,班级层次,学习形式,招生年度,招生季节,录取日期\r\n"
                + "PG-1," + BOY + ",张伟,男,2010-05-17,0401,中级工班,全日制,2026,秋季,2026-09-01\r\n"
                + "PG-2," + wrongCheckDigit + ",李强,男,2010-05-17,0401,中级工班,全日制,2026,秋季,2026-09-01\r\n"
                + "PG-3," + GIRL + ",王芳,女,2009-03-02,0401,高级工班,全日制,2026,秋季,2026-09-01\r\n";
        String html = as(session).multiPart("csrf", csrf(page(""))).multiPart("file", "新生名单.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/school/upload").then().statusCode(200).extract().asString();
        assertNoRawIdNumber(html);
        assertFalse(html.contains(wrongCheckDigit), "not even the rejected one");
        assertEquals("3", ConsolePages.text(html, "data-count", "rows"));
        assertEquals("2", ConsolePages.text(html, "data-count", "CREATED"));
        assertEquals("1", ConsolePages.text(html, "data-count", "REJECTED"));
        assertTrue(html.contains("data-result-row=\"3\"") && html.contains("id-check-digit") && html.contains("证件号码"), html);
        String reportUrl = html.replaceAll("(?s).*href=\"(/api/v1/enrollments/uploads/[^\"]+/report.csv)\".*", "$1");
        as(session).get(reportUrl).then().statusCode(200).contentType(startsWith("text/csv")).body(containsString("PG-2,REJECTED"));

        // The records are the API's: the school reads them with its bearer token, and its list page shows them.
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "PG-1").then().statusCode(200)
                .body("student.name", equalTo("张伟"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "PG-2").then().statusCode(404);
        String list = page("");
        assertTrue(list.contains("data-record=\"PG-1\"") && list.contains("data-record=\"PG-3\""), list);
        assertFalse(list.contains("data-record=\"PG-2\""));
    }

    @Test
    void theListShowsTheSchoolsOwnRecordsMaskedWithTheirCheckStatus() {
        TestData.push(TestData.enrollment(school, "OWN-1", BOY));
        String other = createSchool();
        TestData.push(TestData.enrollment(other, "THEIRS-1", BOY));
        String masked = given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "OWN-1").then()
                .statusCode(200).extract().path("student.idNumberMasked");

        String html = page("");
        assertTrue(html.contains("data-record=\"OWN-1\"") && html.contains(masked), html);
        assertTrue(html.contains("data-check=\"PENDING\"") || html.contains("data-check=\"CLEAN\"") || html.contains("data-check=\"FLAGGED\""));
        assertFalse(html.contains("THEIRS-1"), "another school's record on the page");

        // Filters are EnrollmentSearch's: a status the record does not have hides it; a bad value is refused with the reason.
        assertFalse(page("?status=WITHDRAWN").contains("data-record=\"OWN-1\""));
        assertTrue(page("?status=ACTIVE&year=2026&mode=FULL_TIME&level=INTERMEDIATE").contains("data-record=\"OWN-1\""));
        as(session).get("/console/school?year=twenty").then().statusCode(400).body(containsString("筛选条件有误"), containsString("year"));

        // The other school sees its own record and not this one.
        String theirs = as(signIn("school", other, null)).get("/console/school").then().statusCode(200).extract().asString();
        assertTrue(theirs.contains("data-record=\"THEIRS-1\"") && !theirs.contains("OWN-1"));
    }

    @Test
    void aWithdrawalIsConfirmedWithAReasonAndIsTheApisWithdrawal() {
        TestData.push(TestData.enrollment(school, "W-1", BOY));
        String html = page("");
        assertTrue(html.contains("<details><summary>撤销…</summary>") && html.contains("确认撤销 W-1"), html);
        String csrf = csrf(html);

        as(session).contentType(ConsolePages.FORM).formParam("sourceRecordId", "W-1").formParam("reason", "")
                .formParam("csrf", csrf).post("/console/school/withdrawal").then().statusCode(400).body(containsString("未能撤销"));
        as(session).contentType(ConsolePages.FORM).formParam("sourceRecordId", "W-1").formParam("reason", "放弃入学")
                .formParam("csrf", csrf).post("/console/school/withdrawal").then().statusCode(303)
                .header("Location", containsString("/console/school?done=withdrawn"));

        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "W-1").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawalReason", equalTo("放弃入学"));
        String after = page("?done=withdrawn");
        assertTrue(after.contains("已撤销该记录") && after.contains("放弃入学") && !after.contains("确认撤销 W-1"), after);
    }

    @Test
    void formsWithoutTheSessionsCsrfValueAreRefused() {
        TestData.push(TestData.enrollment(school, "C-1", BOY));
        as(session).contentType(ConsolePages.FORM).formParam("sourceRecordId", "C-1").formParam("reason", "伪造")
                .formParam("csrf", "not-the-session's").post("/console/school/withdrawal").then().statusCode(403);
        as(session).contentType(ConsolePages.FORM).formParam("sourceRecordId", "C-1").formParam("reason", "伪造")
                .post("/console/school/withdrawal").then().statusCode(403);
        String csv = "记录编号,证件号码,姓名,性别,出生日期,专业代码,班级层次,学习形式,招生年度,招生季节,录取日期\r\n"
                + "C-2," + GIRL + ",王芳,女,2009-03-02,0401,高级工班,全日制,2026,秋季,2026-09-01\r\n";
        as(session).multiPart("csrf", "forged").multiPart("file", "a.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/school/upload").then().statusCode(403);
        // Another session's csrf value is no better.
        String otherCsrf = csrf(as(signIn("school", school, null)).get("/console/school").asString());
        as(session).contentType(ConsolePages.FORM).formParam("sourceRecordId", "C-1").formParam("reason", "伪造")
                .formParam("csrf", otherCsrf).post("/console/school/withdrawal").then().statusCode(403);

        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "C-1").then()
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "C-2").then().statusCode(404);
    }

    @Test
    void onlySignedInSchoolsGetThePage() {
        given().redirects().follow(false).get("/console/school").then().statusCode(303)
                .header("Location", containsString("/console/sign-in"));
        as(signIn("province", null, TestData.ZHEJIANG)).get("/console/school").then().statusCode(403);
    }
}
