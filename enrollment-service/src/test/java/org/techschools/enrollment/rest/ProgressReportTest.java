package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.enrollment.TestData;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 进展表 (docs/DOMAIN.md#progress-report): figures as of a month's end, rebuilt from history; filing, timeliness, differences and
 * exports. Each test uses its own province so that other tests' records do not enter its figures.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ProgressReportTest {

    private static final String JIANGSU = "320000";
    private static final String NANJING = "320100";
    private static final String ANHUI = "340000";
    private static final String HEFEI = "340100";

    /**
     * A (技工学校) full-time in September, corrected to part-time on 3 October; B (技师学院) full-time in September,
     * withdrawn on 4 October; C (技师学院) full-time on 20 October.
     */
    private void septemberAndOctoberIn(String province, String city) {
        String technical = TestData.createSchool(province, city, "TECHNICAL_SCHOOL");
        String college = TestData.createSchool(province, city, "TECHNICIAN_COLLEGE");
        Map<String, Object> a = TestData.enrollment(technical, "A");
        TestData.push(a);
        a.put("studyMode", "PART_TIME");
        a.put("employer", "南京机床厂");
        TestData.push(a);
        TestData.push(TestData.enrollment(college, "B"));
        given().auth().oauth2(TestTokens.school(college)).contentType(ContentType.JSON).body(Map.of("reason", "放弃入学"))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", college, "B").then().statusCode(200);
        TestData.push(TestData.enrollment(college, "C"));
        backdate(technical, "A", "2026-09-05T02:00:00Z", "2026-10-03T02:00:00Z");
        backdate(college, "B", "2026-09-06T02:00:00Z", "2026-10-04T02:00:00Z");
        backdate(college, "C", "2026-10-20T02:00:00Z", null);
    }

    /** Moves a record's creation (and its single change, if any) into the past, as if pushed back then. */
    private static void backdate(String school, String sourceRecordId, String createdAt, String changedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Enrollment e = Enrollment.findBySource(school, sourceRecordId);
            Instant changed = changedAt == null ? Instant.parse(createdAt) : Instant.parse(changedAt);
            Enrollment.getEntityManager().createNativeQuery("update enrollment set created_at = ?1, updated_at = ?2 where id = ?3")
                    .setParameter(1, Instant.parse(createdAt)).setParameter(2, changed).setParameter(3, e.id).executeUpdate();
            Enrollment.getEntityManager().createNativeQuery("update enrollment_version set replaced_at = ?1 where enrollment_id = ?2")
                    .setParameter(1, changed).setParameter(2, e.id).executeUpdate();
        });
    }

    private static List<Integer> row(JsonPath report, int index) {
        String r = "rows[" + index + "].";
        return List.of(report.getInt(r + "enrollingSchools"), report.getInt(r + "cumulativeEnrollment"), report.getInt(r + "fullTime"),
                report.getInt(r + "partTime"));
    }

    @Test
    void figuresAreThoseAsOfTheEndOfTheMonth() {
        septemberAndOctoberIn(JIANGSU, NANJING);
        JsonPath september = given().auth().oauth2(TestTokens.province(JIANGSU)).get("/api/v1/progress-reports/{p}/{m}", JIANGSU, "2026-09")
                .then().statusCode(200).body("rows", hasSize(4)).body("rows.label", equalTo(List.of("技工学校", "高级技工学校", "技师学院", "合计")))
                .body("intakeYear", equalTo(2026)).extract().jsonPath();
        assertEquals(List.of(1, 1, 1, 0), row(september, 0), "A still full-time at the end of September");
        assertEquals(List.of(0, 0, 0, 0), row(september, 1));
        assertEquals(List.of(1, 1, 1, 0), row(september, 2), "B not yet withdrawn, C not yet pushed");
        assertEquals(List.of(2, 2, 2, 0), row(september, 3));

        JsonPath october = given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/{p}/{m}", JIANGSU, "2026-10")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 1, 0, 1), row(october, 0), "A corrected to part-time");
        assertEquals(List.of(1, 1, 1, 0), row(october, 2), "B withdrawn, C counted");
        assertEquals(List.of(2, 2, 1, 1), row(october, 3));

        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/progress-reports/{p}/{m}", JIANGSU, "2026-08").then()
                .statusCode(200).body("rows[3].cumulativeEnrollment", equalTo(0));
    }

    @Test
    void scopeAndValidation() {
        given().auth().oauth2(TestTokens.province(ANHUI)).get("/api/v1/progress-reports/{p}/{m}", JIANGSU, "2026-09").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.city(NANJING)).get("/api/v1/progress-reports/{p}/{m}", JIANGSU, "2026-09").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/{p}/{m}", "999999", "2026-09").then()
                .statusCode(400).body("errors.field", hasItem("provinceCode"));
        given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/{p}/{m}", JIANGSU, "2026-13").then()
                .statusCode(400).body("errors.field", hasItem("month"));
        given().auth().oauth2(TestTokens.national()).post("/api/v1/progress-reports/{p}/{m}/filing", JIANGSU, "2026-09").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.province(JIANGSU)).post("/api/v1/progress-reports/{p}/{m}/filing", JIANGSU, "2026-03").then()
                .statusCode(422).body("errors.rule", hasItem("not-scheduled"));
    }

    @Test
    void filingKeepsTheFiledFiguresShowsDifferencesAndRefilingKeepsHistory() {
        septemberAndOctoberIn(ANHUI, HEFEI);
        String province = TestTokens.province(ANHUI);
        given().auth().oauth2(province).get("/api/v1/progress-reports/{p}/{m}/filing", ANHUI, "2026-10").then().statusCode(404);
        given().auth().oauth2(province).post("/api/v1/progress-reports/{p}/{m}/filing", ANHUI, "2026-10").then().statusCode(200)
                .body("filed.rows[3].cumulativeEnrollment", equalTo(2)).body("changedSinceFiling", equalTo(false))
                .body("dueOn", equalTo("2026-11-10")).body("filedBy", equalTo("province@" + ANHUI));

        // A record of October pushed late (backdated into October) changes today's figures, not the filed ones.
        String late = TestData.createSchool(ANHUI, HEFEI, "SENIOR_TECHNICAL_SCHOOL");
        TestData.push(TestData.enrollment(late, "LATE"));
        backdate(late, "LATE", "2026-10-25T02:00:00Z", null);
        JsonPath filing = given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/{p}/{m}/filing", ANHUI, "2026-10")
                .then().statusCode(200).body("changedSinceFiling", equalTo(true)).extract().jsonPath();
        assertEquals(2, filing.getInt("filed.rows[3].cumulativeEnrollment"));
        assertEquals(3, filing.getInt("current.rows[3].cumulativeEnrollment"));
        assertEquals(List.of(1, 1, 1, 0), List.of(filing.getInt("differences[1].enrollingSchools"),
                filing.getInt("differences[1].cumulativeEnrollment"), filing.getInt("differences[1].fullTime"),
                filing.getInt("differences[1].partTime")));
        assertEquals(List.of(0, 0, 0, 0), List.of(filing.getInt("differences[0].enrollingSchools"),
                filing.getInt("differences[0].cumulativeEnrollment"), filing.getInt("differences[0].fullTime"),
                filing.getInt("differences[0].partTime")));

        given().auth().oauth2(province).post("/api/v1/progress-reports/{p}/{m}/filing", ANHUI, "2026-10").then().statusCode(200)
                .body("filed.rows[3].cumulativeEnrollment", equalTo(3)).body("changedSinceFiling", equalTo(false))
                .body("earlierFilings", hasSize(1));
    }

    @Test
    void nationalOverviewShowsFiledMissingAndLate() {
        String province = "350000";
        // Filed now for August 2025: due 2025-09-10, so late. The 2031 schedule is overridden (due day 20) in the test profile.
        given().auth().oauth2(TestTokens.province(province)).post("/api/v1/progress-reports/{p}/{m}/filing", province, "2025-08")
                .then().statusCode(200).body("timeliness", equalTo("LATE"));
        given().auth().oauth2(TestTokens.province(province)).post("/api/v1/progress-reports/{p}/{m}/filing", province, "2031-08")
                .then().statusCode(200).body("timeliness", equalTo("ON_TIME")).body("dueOn", equalTo("2031-09-20"));
        JsonPath overview = given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/national/{m}", "2025-08").then()
                .statusCode(200).body("dueOn", equalTo("2025-09-10")).extract().jsonPath();
        Map<String, Object> fujian = overview.getMap("provinces.find { it.provinceCode == '350000' }");
        assertEquals("FILED", fujian.get("status"));
        assertEquals("LATE", fujian.get("timeliness"));
        Map<String, Object> beijing = overview.getMap("provinces.find { it.provinceCode == '110000' }");
        assertEquals("MISSING", beijing.get("status"));
        assertEquals("OVERDUE", beijing.get("timeliness"));
        given().auth().oauth2(TestTokens.province(province)).get("/api/v1/progress-reports/national/{m}", "2025-08").then().statusCode(403);
    }

    @Test
    void overdueReportsAreListedUntilFiled() {
        String province = "370000";
        String token = TestTokens.province(province);
        // 2024: August–November are due 10 September–10 December 2024, all past; none filed yet.
        given().auth().oauth2(token).queryParam("year", 2024).get("/api/v1/progress-reports/overdue").then().statusCode(200)
                .body("month", equalTo(List.of("2024-08", "2024-09", "2024-10", "2024-11")))
                .body("provinceCode", everyItem(equalTo(province))).body("[0].dueOn", equalTo("2024-09-10"))
                .body("[0].provinceName", equalTo("山东省"));
        given().auth().oauth2(token).post("/api/v1/progress-reports/{p}/{m}/filing", province, "2024-09").then().statusCode(200)
                .body("timeliness", equalTo("LATE"));
        given().auth().oauth2(token).queryParam("year", 2024).get("/api/v1/progress-reports/overdue").then().statusCode(200)
                .body("month", equalTo(List.of("2024-08", "2024-10", "2024-11")));
        // Not yet due (2031): nothing overdue. The national centre sees every mainland province, not 台湾, 香港, 澳门.
        given().auth().oauth2(token).queryParam("year", 2031).get("/api/v1/progress-reports/overdue").then().statusCode(200)
                .body("$", empty());
        JsonPath national = given().auth().oauth2(TestTokens.national()).queryParam("year", 2024).get("/api/v1/progress-reports/overdue")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(national.getList("findAll { it.month == '2024-08' }.provinceCode").containsAll(List.of("110000", province, "650000")));
        assertFalse(national.getList("provinceCode").contains("710000"));
        assertFalse(national.getList("findAll { it.month == '2024-09' }.provinceCode").contains(province));

        given().auth().oauth2(TestTokens.province(ANHUI)).queryParam("province", province).get("/api/v1/progress-reports/overdue").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.city(NANJING)).get("/api/v1/progress-reports/overdue").then().statusCode(403);
        given().auth().oauth2(TestTokens.national()).queryParam("year", "20x4").get("/api/v1/progress-reports/overdue").then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.national()).queryParam("province", "999999").get("/api/v1/progress-reports/overdue").then()
                .statusCode(400).body("errors[0].field", equalTo("province"));
    }

    @Test
    void csvAndXlsxExportsInTheSeedLayout() throws IOException {
        septemberAndOctoberIn("360000", "360100");
        String csv = given().auth().oauth2(TestTokens.national()).get("/api/v1/progress-reports/{p}/{m}.csv", "360000", "2026-10")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals(List.of("category,label,enrollingSchools,cumulativeEnrollment,fullTime,partTime", "TECHNICAL_SCHOOL,技工学校,1,1,0,1",
                "SENIOR_TECHNICAL_SCHOOL,高级技工学校,0,0,0,0", "TECHNICIAN_COLLEGE,技师学院,1,1,1,0", "TOTAL,合计,2,2,1,1"),
                List.of(csv.split("\r\n")));
        assertEquals(csv, given().auth().oauth2(TestTokens.national()).accept("text/csv")
                .get("/api/v1/progress-reports/{p}/{m}", "360000", "2026-10").then().statusCode(200).extract().asString());

        byte[] xlsx = given().auth().oauth2(TestTokens.province("360000")).get("/api/v1/progress-reports/{p}/{m}.xlsx", "360000", "2026-10")
                .then().statusCode(200).extract().asByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("2026年技工院校招生进展情况表（截至10月底）", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("填表单位（盖章）：江西省人力资源和社会保障厅（局）", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("招生学校数（所）", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("2026年累计招生人数（人）", sheet.getRow(2).getCell(2).getStringCellValue());
            assertEquals("其中", sheet.getRow(2).getCell(3).getStringCellValue());
            assertEquals("全日制招生", sheet.getRow(3).getCell(3).getStringCellValue());
            assertEquals("非全日制招生", sheet.getRow(3).getCell(4).getStringCellValue());
            String[] labels = { "技工学校", "高级技工学校", "技师学院", "合计" };
            double[][] figures = { { 1, 1, 0, 1 }, { 0, 0, 0, 0 }, { 1, 1, 1, 0 }, { 2, 2, 1, 1 } };
            for (int i = 0; i < 4; i++) {
                Row row = sheet.getRow(4 + i);
                assertEquals(labels[i], row.getCell(0).getStringCellValue());
                for (int c = 0; c < 4; c++) {
                    assertEquals(figures[i][c], row.getCell(c + 1).getNumericCellValue(), labels[i] + " column " + c);
                }
            }
        }
        byte[] viaAccept = given().auth().oauth2(TestTokens.national())
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/progress-reports/{p}/{m}", "360000", "2026-10").then().statusCode(200).extract().asByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(viaAccept))) {
            assertEquals(2.0, book.getSheetAt(0).getRow(7).getCell(2).getNumericCellValue());
        }
    }
}
