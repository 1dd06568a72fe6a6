package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** 身份证号查看: role-checked reveal of a full ID number, each one in the access log, never in the service log. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class IdNumberRevealTest {

    @Test
    void revealAnswersTheFullNumberAndLogsWhoWhenAndWhy() throws IOException {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> body = TestData.enrollment(school, "REV-1", TestData.idNumber(LocalDate.of(2009, 3, 8), false));
        TestData.student(body).put("gender", "FEMALE");
        TestData.student(body).put("birthDate", "2009-03-08");
        String idNumber = TestData.student(body).get("idNumber").toString();
        String id = TestData.push(body);

        reveal(TestTokens.auditor(), id, "双重学籍核查").statusCode(200).body("idNumber", equalTo(idNumber));
        reveal(TestTokens.province(TestData.ZHEJIANG), id, "学籍注册审核").statusCode(200).body("idNumber", equalTo(idNumber));

        JsonPath log = given().auth().oauth2(TestTokens.auditor()).get("/api/v1/access-log").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = log.<Map<String, Object>>getList("items").stream()
                .filter(row -> id.equals(row.get("enrollmentId"))).toList();
        assertEquals(2, mine.size());
        assertEquals("province", mine.get(0).get("role"), "newest first");
        assertEquals("学籍注册审核", mine.get(0).get("reason"));
        assertEquals("province@" + TestData.ZHEJIANG, mine.get(0).get("accessedBy"));
        assertEquals("auditor", mine.get(1).get("role"));
        assertEquals("双重学籍核查", mine.get(1).get("reason"));
        assertTrue(mine.get(1).get("accessedAt") != null);

        // The province office sees its province's reveals; another province none of them.
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).get("/api/v1/access-log").then().statusCode(200)
                .body("items.enrollmentId", hasItem(id));
        given().auth().oauth2(TestTokens.province("320000")).get("/api/v1/access-log").then().statusCode(200)
                .body("items.enrollmentId", org.hamcrest.Matchers.not(hasItem(id)));
        // An auditor of Hangzhou sees the reveals of Hangzhou's records; one of Ningbo none of them.
        given().auth().oauth2(TestTokens.token("auditor", null, TestData.HANGZHOU)).get("/api/v1/access-log").then()
                .statusCode(200).body("items.enrollmentId", hasItem(id));
        given().auth().oauth2(TestTokens.token("auditor", null, TestData.NINGBO)).get("/api/v1/access-log").then()
                .statusCode(200).body("items.enrollmentId", org.hamcrest.Matchers.not(hasItem(id)));

        String serviceLog = Files.readString(Path.of("target/quarkus-test.log"));
        assertFalse(serviceLog.contains(idNumber), "a revealed ID number must never reach the service log");
    }

    @Test
    void schoolAndCityTokensAreRefusedAndAnotherProvinceToo() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        String id = TestData.push(TestData.enrollment(school, "REV-2"));
        reveal(TestTokens.school(school), id, "x").statusCode(403);
        reveal(TestTokens.city(TestData.HANGZHOU), id, "x").statusCode(403);
        reveal(TestTokens.national(), id, "x").statusCode(403);
        reveal(TestTokens.province("320000"), id, "x").statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/access-log").then().statusCode(403);
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).get("/api/v1/access-log").then().statusCode(403);
    }

    @Test
    void aReasonIsRequiredAndNothingIsLoggedWithoutOne() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        String id = TestData.push(TestData.enrollment(school, "REV-3"));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/enrollments/{id}/reveal", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason")).body("errors.rule", hasItem("required"));
        reveal(TestTokens.auditor(), id, "   ").statusCode(400);
        reveal(TestTokens.auditor(), "00000000-0000-0000-0000-000000000000", "x").statusCode(404);
        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/access-log").then().statusCode(200)
                .body("items.enrollmentId", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void accessLogPagesNewestFirstWithoutRepeats() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        String id = TestData.push(TestData.enrollment(school, "REV-4"));
        for (int i = 0; i < 5; i++) {
            reveal(TestTokens.auditor(), id, "paging " + i).statusCode(200);
        }
        JsonPath first = given().auth().oauth2(TestTokens.national()).queryParam("limit", 2).get("/api/v1/access-log").then()
                .statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        assertEquals("paging 4", first.getString("items[0].reason"));
        assertEquals("paging 3", first.getString("items[1].reason"));
        JsonPath second = given().auth().oauth2(TestTokens.national()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/access-log").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("paging 2", "paging 1"), second.getList("items.reason"));
        HashSet<Object> ids = new HashSet<>(first.getList("items.id"));
        ids.addAll(second.getList("items.id"));
        assertEquals(4, ids.size());
    }

    private static io.restassured.response.ValidatableResponse reveal(String token, String id, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/enrollments/{id}/reveal", id).then();
    }
}
