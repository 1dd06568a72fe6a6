package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class SchoolResourceTest {

    @Test
    void provinceCreatesAndUpdatesASchoolAndEveryChangeIsPublished() {
        String code = TestData.newCode("SCH");
        Map<String, Object> body = TestData.school(code, TestData.NINGBO, "SENIOR_TECHNICAL_SCHOOL");
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schools").then().statusCode(201)
                .body("code", equalTo(code)).body("typeLabel", equalTo("高级技工学校"))
                .body("majors.code", hasItem("0401"));
        body.put("qualifiedYears", List.of(2026));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schools").then().statusCode(200).body("qualifiedYears", equalTo(List.of(2026)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> schoolEvents(code).size() == 2);
        for (String event : schoolEvents(code)) {
            assertEquals(java.util.Set.of(), EventContracts.violations(event, "SchoolUpserted"));
        }
    }

    @Test
    void cityOfficeManagesOnlyItsOwnCity() {
        String code = TestData.newCode("SCH");
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).contentType(ContentType.JSON)
                .body(TestData.school(code, TestData.NINGBO, "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).contentType(ContentType.JSON)
                .body(TestData.school(code, TestData.HANGZHOU, "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(201);
        given().auth().oauth2(TestTokens.school(code)).contentType(ContentType.JSON)
                .body(TestData.school(code, TestData.HANGZHOU, "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(TestData.school(code, TestData.HANGZHOU, "TECHNICAL_SCHOOL"))
                .post("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void invalidSchoolsAreRefusedNamingTheField() {
        Map<String, Object> body = TestData.school(TestData.newCode("SCH"), "330199", "TECHNICAL_SCHOOL");
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schools").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("cityCode")).body("errors.rule", hasItem("region-code"));
        body.put("type", "UNIVERSITY");
        body.put("cityCode", TestData.HANGZHOU);
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schools").then().statusCode(400).body("errors.field", hasItem("type"))
                .body("errors.rule", hasItem("enum"));
    }

    @Test
    void thePublicSeesQualifiedSchoolsWithoutAToken() {
        String qualified = TestData.createSchool(TestData.HANGZHOU);
        String notThisYear = TestData.newCode("OLD");
        Map<String, Object> old = TestData.school(notThisYear, TestData.HANGZHOU, "TECHNICAL_SCHOOL");
        old.put("qualifiedYears", List.of(2024));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(old)
                .post("/api/v1/schools").then().statusCode(201);
        given().queryParam("province", TestData.ZHEJIANG).queryParam("year", 2026).get("/api/v1/public/schools").then()
                .statusCode(200).body("code", hasItem(qualified)).body("code", not(hasItem(notThisYear)));
    }

    @Test
    void aChangeToASchoolIsOnThePublicListRightAfterIt() {
        String code = TestData.createSchool(TestData.HANGZHOU);
        // Read twice: the second answer comes from the cache.
        for (int i = 0; i < 2; i++) {
            given().queryParam("province", TestData.ZHEJIANG).queryParam("year", 2026).get("/api/v1/public/schools").then()
                    .statusCode(200).body("find { it.code == '" + code + "' }.hotline", equalTo(null));
        }

        Map<String, Object> changed = TestData.school(code, TestData.HANGZHOU, "TECHNICIAN_COLLEGE");
        changed.put("hotline", "0571-88880000");
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(changed)
                .post("/api/v1/schools").then().statusCode(200);
        given().queryParam("province", TestData.ZHEJIANG).queryParam("year", 2026).get("/api/v1/public/schools").then()
                .statusCode(200).body("find { it.code == '" + code + "' }.hotline", equalTo("0571-88880000"));

        changed.put("qualifiedYears", List.of(2025));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(changed)
                .post("/api/v1/schools").then().statusCode(200);
        given().queryParam("province", TestData.ZHEJIANG).queryParam("year", 2026).get("/api/v1/public/schools").then()
                .statusCode(200).body("code", not(hasItem(code)));
    }

    private static List<String> schoolEvents(String code) {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "school-events").stream()
                .filter(r -> code.equals(r.key())).map(r -> r.value()).toList();
    }
}
