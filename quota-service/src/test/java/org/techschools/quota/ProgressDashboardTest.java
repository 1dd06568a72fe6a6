package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.techschools.quota.EventFixtures.sendEvent;
import static org.techschools.quota.PlanWorkflowTest.school;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Dashboard extras on 进展 (pro-rata figure, priority groups, the 五年攻坚 campaign, monthly burn-up, CSV) and the
 * 年度总结 (JSON and XLSX). Each test owns a city in 2024, a campaign year no other test enrolls in for that city.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class ProgressDashboardTest {

    private static final String PROVINCE = "330000";
    private static final String JINHUA = "330700";
    private static final String QUZHOU = "330800";

    /**
     * Four students: 退役军人 in March, 高中毕业生 (防返贫监测对象) and 企业职工 (part-time, 高级工班) in September, one
     * 脱贫家庭 in a 订单班.
     */
    private static List<Enrollment> enroll(String city, int year) {
        String school = school("DB", city, "TECHNICAL_SCHOOL", false);
        List<Enrollment> all = new ArrayList<>();
        for (String category : List.of("退役军人", "高中毕业生", "企业职工", "初中毕业生")) {
            Enrollment e = new Enrollment(school, city, year);
            e.sourceCategory = category;
            e.priorityFlags = List.of();
            all.add(e);
        }
        all.get(0).enrolledOn = year + "-03-01";
        all.get(1).priorityFlags = List.of("防返贫监测对象");
        all.get(2).studyMode = "PART_TIME";
        all.get(2).classLevel = "ADVANCED";
        all.get(3).priorityFlags = List.of("订单班", "脱贫家庭");
        all.get(3).originRegion = "330100"; // from 杭州: a cross-city alert, and NO_PLAN since no plan was issued
        all.forEach(e -> sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertEquals(4, progress(TestTokens.city(city), year).getInt("actual")));
        return all;
    }

    private static JsonPath progress(String token, int year) {
        return given().auth().oauth2(token).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void progressShowsTheProRataFigurePriorityGroupsTheCampaignAndAMonthlyBurnUpAndExportsCsv() {
        int year = 2024;
        enroll(JINHUA, year);
        JsonPath city = progress(TestTokens.city(JINHUA), year);
        assertEquals(12540, city.getInt("target"));
        assertEquals(12540, city.getInt("expectedByToday")); // 2024 is over: the whole target is due
        assertEquals(1, city.getInt("priorityGroups.find { it.group == 'POOR_FAMILY' }.count"));
        assertEquals("脱贫家庭", city.getString("priorityGroups.find { it.group == 'POOR_FAMILY' }.label"));
        assertEquals(1, city.getInt("priorityGroups.find { it.group == 'VETERAN' }.count"));
        assertEquals(1, city.getInt("priorityGroups.find { it.group == 'HIGH_SCHOOL_GRADUATE' }.count"));
        assertEquals(1, city.getInt("priorityGroups.find { it.group == 'ENTERPRISE_EMPLOYEE' }.count"));
        assertEquals(1, city.getInt("priorityGroups.find { it.group == 'AT_RISK_OF_POVERTY' }.count"));
        assertEquals("防返贫监测对象", city.getString("priorityGroups.find { it.group == 'AT_RISK_OF_POVERTY' }.label"));
        assertEquals(1, city.getInt("priorityGroups.find { it.group == 'ORDER_CLASS' }.count"));
        assertEquals("订单班", city.getString("priorityGroups.find { it.group == 'ORDER_CLASS' }.label"));
        // 五年攻坚 2023–2027 for 金华: the sum of its yearly targets (11400+12540+13680+14820+15960).
        assertEquals(2023, city.getInt("campaign.fromYear"));
        assertEquals(2027, city.getInt("campaign.toYear"));
        assertEquals(68400, city.getInt("campaign.target"));
        assertEquals(4, city.getInt("campaign.actual"));
        // Each campaign year's figures, for the burn-up's columns.
        assertEquals(List.of(2023, 2024, 2025, 2026, 2027), city.getList("campaign.years.year"));
        assertEquals(List.of(11400, 12540, 13680, 14820, 15960), city.getList("campaign.years.target"));
        assertEquals(4, city.getInt("campaign.years.find { it.year == 2024 }.actual"));
        assertEquals(List.of("2024-03", "2024-09"), city.getList("burnUp[0].months.month"));
        assertEquals(List.of(1, 4), city.getList("burnUp[0].months.cumulative"));
        assertEquals(JINHUA, city.getString("burnUp[0].cityCode"));

        JsonPath province = progress(TestTokens.province(PROVINCE), year);
        assertEquals(110000, province.getInt("expectedByToday"));
        String jinhua = "cities.find { it.cityCode == '" + JINHUA + "' }";
        assertEquals(1, province.getInt(jinhua + ".priorityGroups.find { it.group == 'AT_RISK_OF_POVERTY' }.count"));
        assertEquals(1, province.getInt(jinhua + ".priorityGroups.find { it.group == 'ORDER_CLASS' }.count"));
        assertEquals(1, province.getInt(jinhua + ".priorityGroups.find { it.group == 'POOR_FAMILY' }.count"));
        assertEquals(600000, province.getInt("campaign.target"));
        assertEquals(0, progress(TestTokens.national(), 2036).getInt("expectedByToday"));

        String csv = given().auth().oauth2(TestTokens.city(JINHUA)).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("year,cityCode,cityName,target,plan,actual,activeRegistrations,completionPct,"
                + "advancedShare,expectedByToday,脱贫家庭,退役军人,高中毕业生,企业职工,防返贫监测对象,订单班"), lines[0]);
        assertEquals("2024,330700,金华市,12540,0,4,0,0.0,25.0,12540,1,1,1,1,1,1", lines[1]);
        assertTrue(lines[2].startsWith("2024,330700,合计,12540,0,4,0,"), lines[2]);
        given().auth().oauth2(TestTokens.city(JINHUA)).accept("text/csv")
                .queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().auth().oauth2(TestTokens.city(JINHUA)).accept("application/json")
                .queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress")
                .then().statusCode(200).body("scopeCityCode", equalTo(JINHUA));
    }

    @Test
    void theCityDrillDownGivesEachSchoolsPlanMixPriorityGroupsAndExportsCsv() {
        int year = 2024;
        String city = "330600"; // 绍兴
        List<Enrollment> students = enroll(city, year);
        String school = students.get(0).schoolCode;
        String row = "schools.find { it.schoolCode == '" + school + "' }";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath drillDown = given().auth().oauth2(TestTokens.city(city)).queryParam("year", year)
                    .when().get("/api/v1/progress/" + city + "/schools")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(8030, drillDown.getInt("target"));
            assertEquals(8030, drillDown.getInt("expectedByToday")); // 2024 is over
            assertEquals(4, drillDown.getInt("actual"));
            assertEquals(25.0f, drillDown.getFloat("advancedShare"));
            assertEquals(1, drillDown.getInt("priorityGroups.find { it.group == 'VETERAN' }.count"));
            assertEquals(0, drillDown.getInt(row + ".plan"));
            assertEquals(4, drillDown.getInt(row + ".actual"));
            assertEquals(1, drillDown.getInt(row + ".byMode.PART_TIME"));
            assertEquals(1, drillDown.getInt(row + ".priorityGroups.find { it.group == 'POOR_FAMILY' }.count"));
            assertEquals(1, drillDown.getInt(row + ".priorityGroups.find { it.group == 'ENTERPRISE_EMPLOYEE' }.count"));
            assertEquals(1, drillDown.getInt(row + ".priorityGroups.find { it.group == 'AT_RISK_OF_POVERTY' }.count"));
            assertEquals(1, drillDown.getInt(row + ".priorityGroups.find { it.group == 'ORDER_CLASS' }.count"));
            assertEquals(1, drillDown.getInt("priorityGroups.find { it.group == 'ORDER_CLASS' }.count"));
        });

        String csv = given().auth().oauth2(TestTokens.city(city)).queryParam("year", year)
                .when().get("/api/v1/progress/" + city + "/schools.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertEquals("year,schoolCode,schoolName,schoolType,provincial,target,plan,actual,activeRegistrations,completionPct,"
                + "expectedByToday,advancedShare,INTERMEDIATE,ADVANCED,PREP_TECHNICIAN,TECHNICIAN,FULL_TIME,PART_TIME,"
                + "脱贫家庭,退役军人,高中毕业生,企业职工,防返贫监测对象,订单班", lines[0]);
        assertTrue(List.of(lines).contains("2024," + school + ",学校" + school
                + ",TECHNICAL_SCHOOL,false,,0,4,0,,,25.0,3,1,0,0,3,1,1,1,1,1,1,1"), csv);
        assertTrue(lines[lines.length - 1].startsWith("2024,330600,合计,,,8030,0,4,0,0.0,8030,25.0,3,1,0,0,3,1,1,1,1,1,1,1"),
                lines[lines.length - 1]);
        given().auth().oauth2(TestTokens.city(city)).accept("text/csv").queryParam("year", year)
                .when().get("/api/v1/progress/" + city + "/schools")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().auth().oauth2(TestTokens.city("330100")).queryParam("year", year)
                .when().get("/api/v1/progress/" + city + "/schools.csv")
                .then().statusCode(403);
    }

    @Test
    void theAnnualSummaryGivesEachCitysFiguresAndReadsBackFromXlsx() throws Exception {
        int year = 2024;
        enroll(QUZHOU, year);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertEquals(1,
                given().auth().oauth2(TestTokens.city(QUZHOU)).queryParam("year", year)
                        .queryParam("type", "CROSS_CITY_RECRUITMENT")
                        .when().get("/api/v1/plan-alerts").then().extract().jsonPath().getList("items").size()));

        JsonPath summary = given().auth().oauth2(TestTokens.province(PROVINCE)).queryParam("year", year)
                .queryParam("province", PROVINCE)
                .when().get("/api/v1/annual-summary")
                .then().statusCode(200)
                .body("dueOn", equalTo("2024-11-30"))
                .body("total.target", equalTo(110000))
                .body("cities.size()", equalTo(11))
                .extract().jsonPath();
        String quzhou = "cities.find { it.code == '" + QUZHOU + "' }";
        assertEquals("衢州市", summary.getString(quzhou + ".name"));
        assertEquals(5390, summary.getInt(quzhou + ".target"));
        assertEquals(4, summary.getInt(quzhou + ".actual"));
        assertEquals(3, summary.getInt(quzhou + ".byLevel.INTERMEDIATE"));
        assertEquals(1, summary.getInt(quzhou + ".byLevel.ADVANCED"));
        assertEquals(1, summary.getInt(quzhou + ".alertsByType.CROSS_CITY_RECRUITMENT"));
        assertEquals(1, summary.getInt(quzhou + ".alertsByType.NO_PLAN"));
        assertEquals(0, summary.getInt(quzhou + ".alertsByType.OVER_PLAN"));
        for (String group : List.of("POOR_FAMILY", "AT_RISK_OF_POVERTY", "ORDER_CLASS")) {
            assertEquals(1, summary.getInt(quzhou + ".priorityGroups.find { it.group == '" + group + "' }.count"), group);
        }

        given().auth().oauth2(TestTokens.city(QUZHOU)).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/annual-summary")
                .then().statusCode(200).body("cities.size()", equalTo(1)).body("total.code", equalTo(QUZHOU))
                .body("total.actual", equalTo(4));
        given().auth().oauth2(TestTokens.province("320000")).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/annual-summary").then().statusCode(403);
        given().auth().oauth2(TestTokens.school("S-1")).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/annual-summary").then().statusCode(403);

        byte[] xlsx = given().auth().oauth2(TestTokens.city(QUZHOU)).queryParam("year", year).queryParam("province", PROVINCE)
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().get("/api/v1/annual-summary")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("年度总结");
            Row header = sheet.getRow(1);
            Row city = sheet.getRow(2);
            Row total = sheet.getRow(3);
            assertEquals("地区", header.getCell(1).getStringCellValue());
            assertEquals("实际招生", header.getCell(4).getStringCellValue());
            assertEquals("衢州市", city.getCell(1).getStringCellValue());
            assertEquals(5390, city.getCell(2).getNumericCellValue());
            assertEquals(4, city.getCell(4).getNumericCellValue());
            assertEquals("高级工班", header.getCell(7).getStringCellValue());
            assertEquals(1, city.getCell(7).getNumericCellValue());
            List<String> headings = new ArrayList<>();
            header.forEach(cell -> headings.add(cell.getStringCellValue()));
            for (String group : List.of("脱贫家庭", "防返贫监测对象", "订单班")) {
                assertTrue(headings.contains(group), headings.toString());
                assertEquals(1, city.getCell(headings.indexOf(group)).getNumericCellValue(), group);
                assertEquals(1, total.getCell(headings.indexOf(group)).getNumericCellValue(), group);
            }
            assertEquals("省内跨市招生", header.getCell(header.getLastCellNum() - 1).getStringCellValue());
            assertEquals(1, city.getCell(header.getLastCellNum() - 1).getNumericCellValue());
            assertEquals("合计", total.getCell(1).getStringCellValue());
            assertEquals(4, total.getCell(4).getNumericCellValue());
        }
        given().auth().oauth2(TestTokens.national()).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/annual-summary.xlsx")
                .then().statusCode(200).contentType(startsWith("application/vnd.openxmlformats"));
    }
}
