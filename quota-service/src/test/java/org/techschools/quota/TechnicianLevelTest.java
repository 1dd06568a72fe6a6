package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 技师班 (TECHNICIAN) counted as its own level: enrollment events of schema version 3 are read, and the province and
 * city dashboards, the drill-down and the annual summary show it with its share, among the high-skill levels; targets
 * may be set for it. The test owns intake year 2041.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class TechnicianLevelTest {

    private static final int YEAR = 2041;
    private static final String ZHEJIANG = "330000";
    private static final String JIAXING = "330400";

    @Test
    void technicianEnrollmentIsCountedInTheLevelSharesAndTheAnnualSummary() throws Exception {
        String college = schoolCode("JX");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(college, "嘉兴技师学院", ZHEJIANG, JIAXING, "TECHNICIAN_COLLEGE", false,
                Map.of("0602", List.of("PREP_TECHNICIAN", "TECHNICIAN"), "0101", List.of("INTERMEDIATE"))));
        List<Enrollment> records = new ArrayList<>();
        for (String level : List.of("TECHNICIAN", "TECHNICIAN", "PREP_TECHNICIAN", "INTERMEDIATE")) {
            Enrollment e = new Enrollment(college, JIAXING, YEAR);
            e.classLevel = level;
            e.majorCode = level.equals("INTERMEDIATE") ? "0101" : "0602";
            records.add(e);
        }
        records.forEach(e -> sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded()));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertEquals(4, progress().getInt("actual")));
        JsonPath province = progress();
        assertEquals(2, province.getInt("byLevel.TECHNICIAN"));
        assertEquals(50.0f, province.getFloat("levelShares.TECHNICIAN"));
        assertEquals(25.0f, province.getFloat("levelShares.PREP_TECHNICIAN"));
        assertEquals(25.0f, province.getFloat("levelShares.INTERMEDIATE"));
        // 高级工班, 预备技师班 and 技师班 together: the share to raise (docs/DOMAIN.md#schools-and-class-levels).
        assertEquals(75.0f, province.getFloat("advancedShare"));
        String city = "cities.find { it.cityCode == '" + JIAXING + "' }";
        assertEquals(2, province.getInt(city + ".byLevel.TECHNICIAN"));
        assertEquals(50.0f, province.getFloat(city + ".levelShares.TECHNICIAN"));
        assertEquals(75.0f, province.getFloat(city + ".advancedShare"));

        given().auth().oauth2(TestTokens.city(JIAXING)).queryParam("year", YEAR)
                .when().get("/api/v1/progress/" + JIAXING + "/schools")
                .then().statusCode(200)
                .body("schools.find { it.schoolCode == '" + college + "' }.byLevel.TECHNICIAN", equalTo(2))
                .body("schools.find { it.schoolCode == '" + college + "' }.advancedShare", equalTo(75.0f));

        JsonPath summary = given().auth().oauth2(TestTokens.province(ZHEJIANG)).queryParam("year", YEAR)
                .queryParam("province", ZHEJIANG).when().get("/api/v1/annual-summary")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, summary.getInt("total.byLevel.TECHNICIAN"));
        assertEquals(2, summary.getInt("cities.find { it.code == '" + JIAXING + "' }.byLevel.TECHNICIAN"));

        byte[] workbook = given().auth().oauth2(TestTokens.province(ZHEJIANG)).queryParam("year", YEAR)
                .queryParam("province", ZHEJIANG).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().get("/api/v1/annual-summary").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Row header = book.getSheetAt(0).getRow(1);
            Row total = book.getSheetAt(0).getRow(book.getSheetAt(0).getLastRowNum());
            List<String> headings = new ArrayList<>();
            header.forEach(cell -> headings.add(cell.getStringCellValue()));
            int technician = headings.indexOf("技师班");
            assertEquals(headings.indexOf("预备技师班") + 1, technician, "技师班 beside 预备技师班: " + headings);
            assertEquals(2, total.getCell(technician).getNumericCellValue());
        }
    }

    @Test
    void aTargetMayBeSetForTheTechnicianLevel() {
        given().auth().oauth2(TestTokens.province(ZHEJIANG)).contentType("text/csv; charset=UTF-8")
                .body("year,level,code,classLevel,target\n" + YEAR + ",CITY," + JIAXING + ",TECHNICIAN,300\n")
                .post("/api/v1/targets/import").then().statusCode(200);
        given().auth().oauth2(TestTokens.province(ZHEJIANG)).queryParam("year", YEAR)
                .when().get("/api/v1/targets").then().statusCode(200)
                .body("targets.find { it.scopeCode == '" + JIAXING + "' && it.classLevel == 'TECHNICIAN' }.target", equalTo(300));
        given().auth().oauth2(TestTokens.province(ZHEJIANG)).contentType("text/csv; charset=UTF-8")
                .body("year,level,code,classLevel,target\n" + YEAR + ",CITY," + JIAXING + ",MASTER,300\n")
                .post("/api/v1/targets/import").then().statusCode(422)
                .body("errors[0].field", equalTo("rows[2].classLevel"));
    }

    @Test
    void aPlanLineOfTheTechnicianLevelIsCheckedAgainstTheFiledCatalogueAndPublishedUnderItsVersion() {
        String college = schoolCode("JXP");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(college, "学校" + college, ZHEJIANG, JIAXING, "TECHNICIAN_COLLEGE", false,
                Map.of("0602", List.of("TECHNICIAN"), "0101", List.of("INTERMEDIATE"))));
        EventFixtures.awaitConsumed(Topics.SCHOOL_EVENTS);
        String city = TestTokens.city(JIAXING);
        String id = PlanWorkflowTest.create(city, PlanWorkflowTest.plan(college, YEAR,
                PlanWorkflowTest.line("0101", "TECHNICIAN", "FULL_TIME", 10))).getString("id");
        // 0101 is filed for 中级工班 only: issuing names the line and the rule.
        given().auth().oauth2(city).when().post("/api/v1/plans/" + id + "/issue").then().statusCode(422)
                .body("errors[0].field", equalTo("lines[0].classLevel")).body("errors[0].rule", equalTo("level-not-filed"));
        given().auth().oauth2(city).contentType("application/json")
                .body(PlanWorkflowTest.lines(PlanWorkflowTest.line("0602", "TECHNICIAN", "FULL_TIME", 10)))
                .when().put("/api/v1/plans/" + id).then().statusCode(200);
        given().auth().oauth2(city).when().post("/api/v1/plans/" + id + "/issue").then().statusCode(200)
                .body("status", equalTo("ISSUED"));

        List<String> events = EventFixtures.published(Topics.QUOTA_EVENTS, id, 3);
        assertEquals(3, events.size());
        for (String event : events) {
            assertEquals(Set.of(), EventContracts.violations(event, "PlanChanged"), event);
        }
        // Each step carries the plan with its TECHNICIAN line: every one is at version 2.
        events.forEach(event -> assertEquals(2, new JsonPath(event).getInt("schemaVersion"), event));
    }

    private static JsonPath progress() {
        return given().auth().oauth2(TestTokens.province(ZHEJIANG)).queryParam("year", YEAR).queryParam("province", ZHEJIANG)
                .when().get("/api/v1/progress").then().statusCode(200).extract().jsonPath();
    }
}
