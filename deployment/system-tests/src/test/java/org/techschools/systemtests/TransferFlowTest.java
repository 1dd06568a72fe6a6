package org.techschools.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * 转学 across the three running services: a school pushes an enrollment, its 学籍 is found on the roll by the record's
 * id, the school files a transfer, the province approves it, and the 学籍 lands ACTIVE at the receiving school in
 * another city while quota-service moves the actual enrollment and the ACTIVE 学籍 from one city to the other, and
 * enrollment-service's 进展表 counts the record at the receiving school.
 */
class TransferFlowTest {

    private static final int INTAKE_YEAR = PlatformRequests.INTAKE_YEAR;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = new RunningPlatform().start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anApprovedTransferLandsTheRegistrationAndTheCountsAtTheReceivingSchool() {
        String enrollment = platform.url("enrollment-service");
        String registration = platform.url("registration-service");
        String quota = platform.url("quota-service");
        createSchool(enrollment, "E2E-TR-HZ", "TECHNICAL_SCHOOL", "330100", List.of(INTAKE_YEAR));
        // A receiving school must be qualified for the year the transfer is decided in; a 技师学院, so the 进展表's rows show
        // the move.
        createSchool(enrollment, "E2E-TR-NB", "TECHNICIAN_COLLEGE", "330200", List.of(INTAKE_YEAR, PlatformRequests.TODAY.getYear()));

        String idNumber = ResidentIds.of("330102", LocalDate.of(2010, 3, 8), false);
        given().baseUri(enrollment).auth().oauth2(TestTokens.school("E2E-TR-HZ")).contentType(ContentType.JSON)
                .body(PlatformRequests.enrollmentOf("E2E-TR-HZ", "TR-0001", idNumber)).post("/api/v1/enrollments")
                .then().statusCode(201);

        // The 学籍 the enrollment created, looked up by the school's record id.
        String oldId = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> roll(registration, TestTokens.school("E2E-TR-HZ"), "TR-0001").getString("items[0].id"),
                        id -> id != null);
        awaitCity(quota, "330100", 1, 1);
        List<Integer> before = progressReport(enrollment);

        String transferId = given().baseUri(registration).auth().oauth2(TestTokens.school("E2E-TR-HZ"))
                .contentType(ContentType.JSON).body(Map.of("type", "TRANSFER", "toSchoolCode", "E2E-TR-NB"))
                .post("/api/v1/registrations/{id}/changes", oldId).then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .baseUri(registration).auth().oauth2(TestTokens.province("330000")).contentType(ContentType.JSON)
                .body(Map.of("approve", true, "note", "家庭搬迁")).post("/api/v1/transfers/{id}/decision", transferId)
                .then().extract().statusCode() == 200);

        JsonPath old = roll(registration, TestTokens.school("E2E-TR-HZ"), "TR-0001");
        assertEquals("TRANSFERRED_OUT", old.getString("items[0].status"));
        assertEquals("E2E-TR-NB", old.getString("items[0].transferredToSchoolCode"));
        JsonPath moved = roll(registration, TestTokens.school("E2E-TR-NB"), "TR-0001");
        assertEquals("ACTIVE", moved.getString("items[0].status"));
        assertEquals("330200", moved.getString("items[0].cityCode"));
        assertEquals("E2E-TR-HZ", moved.getString("items[0].transferredFromSchoolCode"));

        // 进展: the record now counts in 宁波 at the receiving school, no longer in 杭州.
        awaitCity(quota, "330200", 1, 1);
        awaitCity(quota, "330100", 0, 0);
        given().baseUri(quota).auth().oauth2(TestTokens.city("330200")).queryParam("year", INTAKE_YEAR)
                .get("/api/v1/progress/330200/schools").then().statusCode(200)
                .body("schools.find { it.schoolCode == 'E2E-TR-NB' }.actual", org.hamcrest.Matchers.equalTo(1));
        // 进展表 of the intake year's December (the transfer took effect today, before it): one 技工学校 record fewer, one
        // 技师学院 record more, the province's total as it was.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertEquals(
                List.of(before.get(0) - 1, before.get(1) + 1, before.get(2)), progressReport(enrollment), "进展表 技工学校, 技师学院, 合计"));

        // Neither the roll nor the topics let anyone but the enrolling school rebuild the ID number.
        for (String token : List.of(TestTokens.city("330200"), TestTokens.province("330000"), TestTokens.national())) {
            IdNumberExposure.assertHidden(idNumber, json(given().baseUri(registration).auth().oauth2(token)
                    .queryParam("sourceRecordId", "TR-0001").get("/api/v1/registrations").then().statusCode(200)
                    .extract().asString()), "an office reading the roll");
        }
        for (ConsumerRecord<String, String> r : TopicRecords.readAll(platform.bootstrapServers(), "registration-events")) {
            IdNumberExposure.assertHidden(idNumber, json(r.value()), "a consumer of registration-events");
        }
    }

    private static void createSchool(String enrollment, String code, String type, String city, List<Integer> qualifiedYears) {
        Map<String, Object> school = new HashMap<>();
        school.put("code", code);
        school.put("name", "系统测试学校 " + code);
        school.put("type", type);
        school.put("provinceCode", "330000");
        school.put("cityCode", city);
        school.put("provincial", false);
        school.put("qualifiedYears", qualifiedYears);
        school.put("majors", List.of(Map.of("code", "0401", "name", "数控加工", "levels", List.of("INTERMEDIATE"))));
        given().baseUri(enrollment).auth().oauth2(TestTokens.province("330000")).contentType(ContentType.JSON).body(school)
                .post("/api/v1/schools").then().log().ifValidationFails().statusCode(201);
    }

    /** 浙江's 进展表 as the province office reads it: cumulative enrollment of 技工学校, of 技师学院, and the total. */
    private static List<Integer> progressReport(String enrollment) {
        JsonPath report = given().baseUri(enrollment).auth().oauth2(TestTokens.province("330000"))
                .get("/api/v1/progress-reports/{p}/{m}", "330000", INTAKE_YEAR + "-12").then().statusCode(200).extract().jsonPath();
        return List.of(report.getInt("rows.find { it.category == 'TECHNICAL_SCHOOL' }.cumulativeEnrollment"),
                report.getInt("rows.find { it.category == 'TECHNICIAN_COLLEGE' }.cumulativeEnrollment"),
                report.getInt("rows.find { it.category == 'TOTAL' }.cumulativeEnrollment"));
    }

    private static JsonPath roll(String registration, String token, String sourceRecordId) {
        return given().baseUri(registration).auth().oauth2(token).queryParam("sourceRecordId", sourceRecordId)
                .get("/api/v1/registrations").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitCity(String quota, String city, int actual, int activeRegistrations) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, Object> row = given().baseUri(quota).auth().oauth2(TestTokens.province("330000"))
                    .queryParam("year", INTAKE_YEAR).queryParam("province", "330000").get("/api/v1/progress").then()
                    .statusCode(200).extract().jsonPath().getMap("cities.find { it.cityCode == '" + city + "' }");
            assertEquals(actual, row == null ? 0 : ((Number) row.get("actual")).intValue(), "actual of " + city);
            assertEquals(activeRegistrations, row == null ? 0 : ((Number) row.get("activeRegistrations")).intValue(),
                    "active 学籍 of " + city);
        });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
