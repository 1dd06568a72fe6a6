package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * A school system that uses the ID number as its record id, or types it into a name or an employer, gets 422
 * no-id-number naming the field — in a single push, per batch item and in the URL — and the answer never repeats it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class IdNumberInFreeTextTest {

    private static final String ID = TestData.idNumber(LocalDate.of(2010, 5, 17), true);
    /** The same number as school systems type it: in groups, full-width, with a lower-case x. */
    private static final List<String> TYPED = List.of(ID, ID.substring(0, 6) + " " + ID.substring(6, 14) + " " + ID.substring(14),
            fullWidth(ID), "STU" + ID.toLowerCase(), ID.substring(0, 15));

    private String school;

    @BeforeEach
    void createSchool() {
        school = TestData.createSchool(TestData.HANGZHOU);
    }

    @Test
    void aRecordIdHoldingAnIdNumberIsRefusedWith422NamingFieldAndRule() {
        for (String typed : TYPED) {
            String answer = push(TestData.enrollment(school, typed, ID)).statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("sourceRecordId")).body("errors.rule", hasItem("no-id-number"))
                    .extract().asString();
            assertNoIdNumber(answer);
        }
    }

    @Test
    void theDirectoryWhichIsPublicTakesNoIdNumberInACodeANameOrAHotline() {
        for (String field : List.of("code", "name", "hotline")) {
            Map<String, Object> body = TestData.school(TestData.newCode("FT"), TestData.HANGZHOU, "TECHNICAL_SCHOOL");
            body.put(field, field.equals("code") ? ID : "联系人" + ID);
            String answer = given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/schools").then().statusCode(422)
                    .body("errors.field", hasItem(field)).body("errors.rule", hasItem("no-id-number")).extract().asString();
            assertNoIdNumber(answer);
        }
    }

    @Test
    void aNameOrEmployerHoldingAnIdNumberIsRefused() {
        Map<String, Object> named = TestData.enrollment(school, "FT-1", ID);
        TestData.student(named).put("name", "张伟" + ID.substring(0, 6) + " " + ID.substring(6));
        assertNoIdNumber(push(named).statusCode(422).body("errors.field", hasItem("student.name"))
                .body("errors.rule", hasItem("no-id-number")).extract().asString());

        Map<String, Object> employed = TestData.enrollment(school, "FT-2", ID);
        employed.put("studyMode", "PART_TIME");
        employed.put("employer", "杭州汽轮机厂 工号" + fullWidth(ID));
        assertNoIdNumber(push(employed).statusCode(422).body("errors.field", hasItem("employer"))
                .body("errors.rule", hasItem("no-id-number")).extract().asString());
        get("FT-1").statusCode(404);
    }

    @Test
    void aBatchItemHoldingAnIdNumberIsRejectedAndTheOthersStored() {
        String answer = given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(TestData.enrollment(school, ID, ID), TestData.enrollment(school, "FT-B2"))))
                .post("/api/v1/enrollments/batch").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED")).body("results[0].errors[0].field", equalTo("sourceRecordId"))
                .body("results[0].errors[0].rule", equalTo("no-id-number"))
                .body("results[1].status", equalTo("CREATED")).extract().asString();
        assertNoIdNumber(answer);
        get("FT-B2").statusCode(200);
    }

    /** In the URL the number would reach access logs and proxies; the answer is 422, not a 404 repeating it. */
    @Test
    void aPathHoldingAnIdNumberAnswers422WithoutRepeatingIt() {
        for (String typed : TYPED) {
            assertNoIdNumber(get(typed).statusCode(422).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("sourceRecordId")).body("errors[0].rule", equalTo("no-id-number"))
                    .extract().asString());
        }
        assertNoIdNumber(given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(Map.of("reason", "重复"))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", school, ID).then().statusCode(422)
                .body("errors[0].rule", equalTo("no-id-number")).extract().asString());
        assertNoIdNumber(given().auth().oauth2(TestTokens.school(school)).queryParam("reason", "重复")
                .delete("/api/v1/enrollments/{s}/{r}", school, ID).then().statusCode(422)
                .body("errors[0].field", equalTo("sourceRecordId")).extract().asString());
        get("FT-NONE").statusCode(404);
    }

    @Test
    void aWithdrawalReasonHoldingAnIdNumberIsRefusedWith422() {
        TestData.push(TestData.enrollment(school, "FT-W"));
        assertNoIdNumber(given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body(Map.of("reason", "学生 " + ID.substring(0, 6) + " " + ID.substring(6) + " 重复报送"))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", school, "FT-W").then().statusCode(422)
                .body("errors[0].field", equalTo("reason")).body("errors[0].rule", equalTo("no-id-number")).extract().asString());
        get("FT-W").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    private ValidatableResponse push(Map<String, Object> enrollment) {
        return given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(enrollment)
                .post("/api/v1/enrollments").then();
    }

    private ValidatableResponse get(String sourceRecordId) {
        return given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, sourceRecordId).then();
    }

    /** Neither the number nor its birth-date digits, however typed, come back. */
    private static void assertNoIdNumber(String answer) {
        assertFalse(answer.contains(ID.substring(6, 14)), answer);
        assertFalse(answer.contains(fullWidth(ID).substring(6, 14)), answer);
    }

    private static String fullWidth(String id) {
        StringBuilder out = new StringBuilder();
        for (char c : id.toCharArray()) {
            out.append(c == 'X' ? 'Ｘ' : (char) (c - '0' + '０'));
        }
        return out.toString();
    }
}
