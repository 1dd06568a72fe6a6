package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * Directory changes stay in the changer's authority (学校名录): a city office keeps its own city's schools and cannot
 * take over or move one; the province moves schools between its cities; the national centre between provinces. Every
 * change is in the school's history with who, when and each field before and after.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class SchoolChangeTest {

    private static final String JIANGSU = "320000";
    private static final String NANJING = "320100";

    private static ValidatableResponse post(String token, Map<String, Object> school) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(school).post("/api/v1/schools").then();
    }

    private static JsonPath history(String token, String code) {
        return given().auth().oauth2(token).get("/api/v1/schools/{code}/history", code).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCityOfficeCannotTakeOverAnotherCitysSchool() {
        String code = TestData.createSchool(TestData.NINGBO);
        // The takeover of the issue: Ningbo's school code posted by Hangzhou with Hangzhou's city, no qualification.
        Map<String, Object> takeover = TestData.school(code, TestData.HANGZHOU, "TECHNICIAN_COLLEGE");
        takeover.put("qualifiedYears", List.of());
        takeover.put("provincial", false);
        post(TestTokens.city(TestData.HANGZHOU), takeover).statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("code")).body("errors.rule", contains("school-outside-scope"));

        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).get("/api/v1/schools/{code}", code).then().statusCode(200)
                .body("cityCode", equalTo(TestData.NINGBO)).body("qualifiedYears", equalTo(List.of(2025, 2026)));
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).get("/api/v1/schools/{code}", code).then().statusCode(404);
        assertEquals(List.of("CREATED"), history(TestTokens.province(TestData.ZHEJIANG), code).getList("items.kind"));
        TestData.push(TestData.enrollment(code, "AFTER-TAKEOVER-1"));
    }

    @Test
    void aCityOfficeKeepsItsOwnNonProvincialSchoolsOnly() {
        String code = TestData.newCode("CITY");
        Map<String, Object> school = TestData.school(code, TestData.HANGZHOU, "TECHNICAL_SCHOOL");
        school.put("provincial", true);
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(403)
                .body("errors.field", contains("provincial")).body("errors.rule", contains("provincial-is-province"));
        school.put("provincial", false);
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(201);

        school.put("cityCode", TestData.NINGBO);
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(403)
                .body("errors.field", contains("cityCode")).body("errors.rule", contains("move-between-cities-is-province"));
        school.put("cityCode", TestData.HANGZHOU);
        school.put("provincial", true);
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(403)
                .body("errors.field", contains("provincial")).body("errors.rule", contains("provincial-is-province"));

        school.put("provincial", false);
        school.put("hotline", "0571-12345678");
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(200).body("hotline", equalTo("0571-12345678"));

        // Made 省属 by the province, the school is the province's to keep.
        school.put("provincial", true);
        post(TestTokens.province(TestData.ZHEJIANG), school).statusCode(200).body("provincial", equalTo(true));
        school.put("hotline", "0571-00000000");
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(403)
                .body("errors.rule", hasItem("provincial-school-is-province"));
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).get("/api/v1/schools/{code}", code).then().statusCode(200)
                .body("hotline", equalTo("0571-12345678")).body("provincial", equalTo(true));
    }

    @Test
    void theProvinceMovesASchoolBetweenItsCitiesButNotToAnotherProvince() {
        String code = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> school = TestData.school(code, TestData.NINGBO, "TECHNICIAN_COLLEGE");
        post(TestTokens.province(TestData.ZHEJIANG), school).statusCode(200).body("cityCode", equalTo(TestData.NINGBO));

        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).get("/api/v1/schools/{code}", code).then().statusCode(404);
        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).get("/api/v1/schools/{code}", code).then().statusCode(200);
        JsonPath moved = history(TestTokens.city(TestData.NINGBO), code);
        assertEquals(List.of("UPDATED", "CREATED"), moved.getList("items.kind"));
        assertEquals("province", moved.getString("items[0].role"));
        assertEquals(List.of(Map.of("field", "cityCode", "before", TestData.HANGZHOU, "after", TestData.NINGBO)),
                moved.getList("items[0].changes"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> schoolEvents(code).stream()
                .anyMatch(event -> event.contains("\"cityCode\":\"" + TestData.NINGBO + "\"")));

        post(TestTokens.province(TestData.ZHEJIANG), TestData.school(code, JIANGSU, NANJING, "TECHNICIAN_COLLEGE")).statusCode(403)
                .body("errors.field", contains("provinceCode")).body("errors.rule", contains("move-between-provinces-is-national"));
        post(TestTokens.province(JIANGSU), TestData.school(code, JIANGSU, NANJING, "TECHNICIAN_COLLEGE")).statusCode(403)
                .body("errors.rule", contains("school-outside-scope"));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).get("/api/v1/schools/{code}", code).then()
                .statusCode(200).body("provinceCode", equalTo(TestData.ZHEJIANG));
    }

    @Test
    void theNationalCentreMovesASchoolToAnotherProvince() {
        String code = TestData.createSchool(TestData.HANGZHOU);
        post(TestTokens.national(), TestData.school(code, JIANGSU, NANJING, "TECHNICIAN_COLLEGE")).statusCode(200)
                .body("provinceCode", equalTo(JIANGSU)).body("cityCode", equalTo(NANJING));

        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).get("/api/v1/schools/{code}", code).then().statusCode(404);
        JsonPath moved = history(TestTokens.province(JIANGSU), code);
        assertEquals("national", moved.getString("items[0].role"));
        assertEquals(List.of("provinceCode", "cityCode"), moved.getList("items[0].changes.field"));
        assertEquals(List.of(TestData.ZHEJIANG, TestData.HANGZHOU), moved.getList("items[0].changes.before"));
        assertEquals(List.of(JIANGSU, NANJING), moved.getList("items[0].changes.after"));
    }

    @Test
    void theHistoryShowsWhoChangedWhatAndWhenPageByPage() {
        String code = TestData.newCode("HIST");
        Map<String, Object> school = TestData.school(code, TestData.HANGZHOU, "TECHNICAL_SCHOOL");
        post(TestTokens.province(TestData.ZHEJIANG), school).statusCode(201);
        school.put("hotline", "0571-87654321");
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(200);
        post(TestTokens.city(TestData.HANGZHOU), school).statusCode(200);
        school.put("qualifiedYears", List.of(2026, 2027));
        school.put("majors", List.of(Map.of("code", "0401", "name", "数控加工", "levels", List.of("INTERMEDIATE"))));
        post(TestTokens.province(TestData.ZHEJIANG), school).statusCode(200);

        JsonPath all = history(TestTokens.school(code), code);
        assertEquals(List.of("UPDATED", "UPDATED", "CREATED"), all.getList("items.kind"));
        assertEquals(List.of("province@" + TestData.ZHEJIANG, "city@" + TestData.HANGZHOU, "province@" + TestData.ZHEJIANG),
                all.getList("items.changedBy"));
        assertEquals(List.of("province", "city", "province"), all.getList("items.role"));
        assertEquals(List.of("qualifiedYears", "majors"), all.getList("items[0].changes.field"));
        assertEquals(List.of(2025, 2026), all.getList("items[0].changes[0].before"));
        assertEquals(List.of(2026, 2027), all.getList("items[0].changes[0].after"));
        assertEquals(List.of(Map.of("field", "hotline", "after", "0571-87654321")), all.getList("items[1].changes").stream()
                .map(c -> withoutNulls(c)).toList());
        assertEquals(true, all.getList("items[2].changes.field").containsAll(List.of("name", "cityCode", "provincial", "majors")));
        assertFalse(all.getString("items[0].changedAt").isEmpty());

        JsonPath first = given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).queryParam("limit", 2)
                .get("/api/v1/schools/{code}/history", code).then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/schools/{code}/history", code).then().statusCode(200)
                .body("items.kind", contains("CREATED")).body("nextCursor", nullValue());

        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).get("/api/v1/schools/{code}/history", code).then().statusCode(404);
        given().auth().oauth2(TestTokens.school(code + "-X")).get("/api/v1/schools/{code}/history", code).then().statusCode(404);
        given().get("/api/v1/schools/{code}/history", code).then().statusCode(401);
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).queryParam("limit", 0)
                .get("/api/v1/schools/{code}/history", code).then().statusCode(400).body("errors.field", contains("limit"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Object change) {
        Map<String, Object> copy = new java.util.HashMap<>((Map<String, Object>) change);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    private static List<String> schoolEvents(String code) {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "school-events").stream()
                .filter(r -> code.equals(r.key())).map(r -> r.value()).toList();
    }
}
