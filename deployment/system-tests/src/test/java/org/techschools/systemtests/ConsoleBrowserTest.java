package org.techschools.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;

/**
 * The console in a real browser (Debian's headless Chromium), against the three packaged services as the local
 * launcher runs them: each kind of user signs in, sees the figures the API gives for the same data, acts, and sees the
 * result; no page shows another region's data or a raw ID number. Screenshots go to target/screenshots.
 */
class ConsoleBrowserTest {

    private static RunningPlatform platform;
    private static String enrollment;
    private static String registration;
    private static String idNumber;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = new RunningPlatform().start(true);
        enrollment = platform.url("enrollment-service");
        registration = platform.url("registration-service");
        PlatformRequests.createSchool(enrollment, "CB-HZ-01", "330100", "TECHNICIAN_COLLEGE");
        PlatformRequests.createSchool(enrollment, "CB-NB-01", "330200", "TECHNICAL_SCHOOL");
        idNumber = ResidentIds.of("330102", LocalDate.of(2010, 3, 8), false);
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("CB-HZ-01")).contentType(ContentType.JSON)
                .body(PlatformRequests.enrollmentOf("CB-HZ-01", "HZ-0001", idNumber)).post("/api/v1/enrollments")
                .then().statusCode(201);
        // The first event after start-up waits for the consumers' first group join.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "CLEAN".equals(
                given().baseUri(enrollment).auth().oauth2(TestTokens.school("CB-HZ-01"))
                        .get("/api/v1/enrollments/CB-HZ-01/HZ-0001").then().extract().path("checkStatus")));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anAuditorSeesANewDoubleRegistrationArriveWithoutReloadAndWorksIt() {
        try (Browser auditor = new Browser(Browser.DESKTOP)) {
            // Signs in on enrollment-service's page and lands on registration-service's workbench.
            auditor.signIn(enrollment, "auditor", null, null);
            assertTrue(auditor.driver.getCurrentUrl().startsWith(registration + "/console/alerts"), auditor.driver.getCurrentUrl());
            auditor.waitUntil(Duration.ofSeconds(15), () -> auditor.text("#live").contains("已连接"));
            int rowsBefore = auditor.driver.findElements(By.cssSelector("#alerts tbody tr")).size();

            long pushed = System.nanoTime();
            given().baseUri(enrollment).auth().oauth2(TestTokens.school("CB-NB-01")).contentType(ContentType.JSON)
                    .body(PlatformRequests.enrollmentOf("CB-NB-01", "NB-0001", idNumber)).post("/api/v1/enrollments")
                    .then().statusCode(201);
            auditor.waitUntil(Duration.ofSeconds(2),
                    () -> auditor.driver.findElements(By.cssSelector("#alerts tbody tr")).size() > rowsBefore);
            System.out.printf("double registration on the open auditor page %d ms after the POST%n",
                    (System.nanoTime() - pushed) / 1_000_000);
            String alertId = auditor.find("#alerts tbody tr").getAttribute("data-alert-id");
            assertTrue(auditor.text("#alerts tbody tr").contains("双重学籍"));
            auditor.screenshot("auditor-alert-list-live");

            // After a reload the counts by type equal the API's.
            auditor.open(registration + "/console/alerts");
            JsonPath stats = given().baseUri(registration).auth().oauth2(TestTokens.auditor()).queryParam("groupBy", "type")
                    .get("/api/v1/alerts/stats").then().statusCode(200).extract().jsonPath();
            String apiCount = stats.getString("groups.find { it.key == 'DOUBLE_REGISTRATION' }.count");
            assertEquals(apiCount, auditor.text("[data-count-type=DOUBLE_REGISTRATION] b"));

            // The alert's records side by side, then a move with a note, kept in the history.
            auditor.find("#alerts tbody tr[data-alert-id='" + alertId + "'] a").click();
            String detail = auditor.html();
            assertTrue(detail.contains("CB-HZ-01") && detail.contains("CB-NB-01"));
            new Select(auditor.find("#to")).selectByValue("INVESTIGATING");
            auditor.find("#note").sendKeys("两校学籍核查中");
            auditor.find("form[action$='/transitions'] button").click();
            auditor.waitUntil(Duration.ofSeconds(10), () -> auditor.html().contains("已保存"));
            assertTrue(auditor.text("#history").contains("两校学籍核查中"));
            assertEquals("核查中", auditor.text("[data-testid=status]"));
            assertEquals("INVESTIGATING", given().baseUri(registration).auth().oauth2(TestTokens.auditor())
                    .get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().path("status"));
            assertFalse(auditor.html().contains(idNumber), "a raw ID number on the alert page");
            auditor.screenshot("auditor-alert-detail");
        }
    }

    @Test
    void aSchoolUploadsASheetAndSeesEachRowsResultAndItsRecords() throws IOException {
        String first = ResidentIds.of("330102", LocalDate.of(2010, 5, 1), true);
        String second = ResidentIds.of("330102", LocalDate.of(2010, 6, 2), false);
        String season = PlatformRequests.SPRING ? "SPRING" : "AUTUMN";
        String sheet = "sourceRecordId,idNumber,name,gender,birthDate,majorCode,classLevel,studyMode,intakeYear,intakeSeason,enrolledOn\r\n"
                + String.join(",", "UP-0001", first, "王强", "MALE", "2010-05-01", "0401", "INTERMEDIATE", "FULL_TIME",
                        Integer.toString(PlatformRequests.INTAKE_YEAR), season, PlatformRequests.TODAY.toString()) + "\r\n"
                + String.join(",", "UP-0002", second, "赵敏", "FEMALE", "2010-06-02", "0401", "INTERMEDIATE", "FULL_TIME",
                        Integer.toString(PlatformRequests.INTAKE_YEAR), season, PlatformRequests.TODAY.toString()) + "\r\n"
                + String.join(",", "UP-0003", "not-an-id", "钱多", "MALE", "2010-07-03", "0401", "INTERMEDIATE", "FULL_TIME",
                        Integer.toString(PlatformRequests.INTAKE_YEAR), season, PlatformRequests.TODAY.toString()) + "\r\n";
        // A file name of the clerk's choosing (a temp file's random digits could pass for an ID number, which is refused).
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("upload").resolve("新生名单.csv");
        java.nio.file.Files.writeString(file, sheet);
        try (Browser school = new Browser(Browser.DESKTOP)) {
            school.signIn(enrollment, "school", "CB-HZ-01", null);
            assertTrue(school.driver.getCurrentUrl().startsWith(enrollment + "/console/school"), school.driver.getCurrentUrl());
            school.find("#file").sendKeys(file.toString());
            school.find("form[action='/console/school/upload'] button").click();
            school.waitUntil(Duration.ofSeconds(20), () -> !school.driver.findElements(By.id("results")).isEmpty());
            assertEquals("2", school.text("b[data-count=CREATED]").replaceAll("\\D", ""));
            assertEquals("1", school.text("b[data-count=REJECTED]").replaceAll("\\D", ""));
            assertTrue(school.text("[data-result-row='4']").contains("idNumber"), school.text("[data-result-row='4']"));
            school.screenshot("school-upload-result");

            // The records are the school's own, as the API shows them; the list shows them with their check status.
            for (String record : new String[] { "UP-0001", "UP-0002" }) {
                given().baseUri(enrollment).auth().oauth2(TestTokens.school("CB-HZ-01"))
                        .get("/api/v1/enrollments/CB-HZ-01/" + record).then().statusCode(200);
            }
            school.open(enrollment + "/console/school");
            assertFalse(school.driver.findElements(By.cssSelector("#enrollments tr[data-record='UP-0002']")).isEmpty());
            String html = school.html();
            assertFalse(html.contains(first) || html.contains(second) || html.contains(idNumber), "a raw ID number on the school page");
            assertFalse(html.contains("NB-0001"), "another school's record on the school page");
            school.screenshot("school-enrollments");
        }
    }

    @Test
    void aProvinceSeesTheProgressReportTheApiGivesAndFilesIt() {
        try (Browser province = new Browser(Browser.DESKTOP)) {
            province.signIn(enrollment, "province", null, "330000");
            // Lands on quota-service's dashboard: its figures are the API's for the same year and province.
            String quota = platform.url("quota-service");
            assertTrue(province.driver.getCurrentUrl().startsWith(quota + "/console/dashboard"), province.driver.getCurrentUrl());
            String year = new Select(province.find("#year")).getFirstSelectedOption().getAttribute("value");
            JsonPath progress = given().baseUri(quota).auth().oauth2(TestTokens.province("330000")).queryParam("year", year)
                    .queryParam("province", "330000").get("/api/v1/progress").then().statusCode(200).extract().jsonPath();
            assertEquals(progress.getInt("actual"), Integer.parseInt(province.text("b[data-figure=actual]").replace(",", "")));
            assertEquals(progress.getList("cities").size(), province.driver.findElements(By.cssSelector("tr[data-city]")).size());
            province.screenshot("province-dashboard");

            province.open(enrollment + "/console/progress-reports");
            String month = new Select(province.find("#month")).getFirstSelectedOption().getAttribute("value");
            JsonPath report = given().baseUri(enrollment).auth().oauth2(TestTokens.province("330000"))
                    .get("/api/v1/progress-reports/330000/" + month).then().statusCode(200).extract().jsonPath();
            for (String column : new String[] { "enrollingSchools", "cumulativeEnrollment", "fullTime", "partTime" }) {
                assertEquals(report.getString("rows.find { it.category == 'TOTAL' }." + column),
                        province.text("[data-cell='TOTAL-" + column + "']"), column);
            }
            province.find("form[action='/console/progress-reports/filing'] button").click();
            province.waitUntil(Duration.ofSeconds(10), () -> !province.driver.findElements(By.id("filing-diff")).isEmpty()
                    || province.html().contains("已报送"));
            given().baseUri(enrollment).auth().oauth2(TestTokens.province("330000"))
                    .get("/api/v1/progress-reports/330000/" + month + "/filing").then().statusCode(200);
            province.screenshot("province-progress-report-filed");
        }
    }

    @Test
    void theNationalCentreSeesWhichProvincesFiledAsTheApiSays() {
        try (Browser national = new Browser(Browser.DESKTOP)) {
            national.signIn(enrollment, "national", null, null);
            assertTrue(national.driver.getCurrentUrl().startsWith(enrollment + "/console/progress-reports"),
                    national.driver.getCurrentUrl());
            String month = new Select(national.find("#month")).getFirstSelectedOption().getAttribute("value");
            JsonPath overview = given().baseUri(enrollment).auth().oauth2(TestTokens.national())
                    .get("/api/v1/progress-reports/national/" + month).then().statusCode(200).extract().jsonPath();
            for (String figure : new String[] { "filed", "missing", "late" }) {
                assertEquals(overview.getString(figure), national.text("b[data-stat=" + figure + "]"), figure);
            }
            assertEquals(overview.getList("provinces").size(), national.driver.findElements(By.cssSelector("tr[data-province]")).size());
            national.screenshot("national-progress-completeness");
        }
    }

    @Test
    void aCityOfficeNeverSeesAnotherCitysRecordsOnAnyPage() {
        try (Browser city = new Browser(Browser.PHONE)) {
            city.signIn(enrollment, "city", null, "330300");
            city.open(registration + "/console/alerts");
            String list = city.html();
            assertFalse(list.contains("CB-HZ-01") || list.contains("CB-NB-01"), "another city's school on the alert list");
            assertTrue(city.driver.findElements(By.cssSelector("#alerts tbody tr")).isEmpty());
            // At phone width the page does not scroll sideways; wide tables scroll inside their own box.
            Number overflow = (Number) city.driver.executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "the page is wider than the phone by " + overflow + " px");
            city.screenshot("city-alert-list-phone");

            // The dashboard shows the city's own row only.
            city.open(platform.url("quota-service") + "/console/dashboard");
            var rows = city.driver.findElements(By.cssSelector("tr[data-city]"));
            assertTrue(rows.stream().allMatch(row -> "330300".equals(row.getAttribute("data-city"))), "another city on the dashboard");
            city.screenshot("city-dashboard-phone");
        }
    }
}
