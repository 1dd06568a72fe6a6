package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.techschools.enrollment.TestData;
import org.techschools.enrollment.domain.EnrollmentVersion;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** 撤销: a school withdraws its own record; the record is kept, versioned and announced, never deleted. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class EnrollmentWithdrawalTest {

    private String school;

    @BeforeEach
    void createSchool() {
        school = TestData.createSchool(TestData.HANGZHOU);
    }

    @Test
    void withdrawalKeepsTheRecordAsANewVersionAndTwiceIsAConflict() {
        String id = TestData.push(TestData.enrollment(school, "W-1"));
        withdraw("W-1", "家长申请放弃入学").statusCode(200).body("status", equalTo("WITHDRAWN")).body("version", equalTo(2))
                .body("withdrawalReason", equalTo("家长申请放弃入学"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "W-1").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("id", equalTo(id));
        long kept = QuarkusTransaction.requiringNew().call(() -> EnrollmentVersion.count("enrollmentId = ?1 and version = 1", UUID.fromString(id)));
        assertEquals(1, kept, "version 1 is kept in enrollment_version");

        withdraw("W-1", "again").statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("status")).body("errors.rule", hasItem("already-withdrawn"))
                .body("errors.message", hasItem(containsString("WITHDRAWN")));
    }

    @Test
    void deleteWithdrawsTooAndNeverDeletes() {
        TestData.push(TestData.enrollment(school, "W-DEL"));
        given().auth().oauth2(TestTokens.school(school)).queryParam("reason", "重复报送")
                .delete("/api/v1/enrollments/{s}/{r}", school, "W-DEL").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "W-DEL").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestTokens.school(school)).queryParam("reason", "again")
                .delete("/api/v1/enrollments/{s}/{r}", school, "W-DEL").then().statusCode(409);
    }

    @Test
    void unknownRecordIs404OtherSchoolIs403AndAReasonIsRequired() {
        withdraw("NO-SUCH", "x").statusCode(404).contentType("application/problem+json");
        TestData.push(TestData.enrollment(school, "W-2"));
        given().auth().oauth2(TestTokens.school("OTHER-SCHOOL")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", school, "W-2").then().statusCode(403);
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", school, "W-2").then().statusCode(403);
        withdraw("W-2", " ").statusCode(400).body("errors.field", hasItem("reason")).body("errors.rule", hasItem("required"));
        given().auth().oauth2(TestTokens.school(school)).delete("/api/v1/enrollments/{s}/{r}", school, "W-2").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        withdraw("W-2", "证件号 " + TestData.student(TestData.enrollment(school, "W-2")).get("idNumber")).statusCode(422)
                .body("errors.rule", hasItem("no-id-number"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "W-2").then()
                .body("status", equalTo("ACTIVE")).body("version", equalTo(1));
    }

    private io.restassured.response.ValidatableResponse withdraw(String sourceRecordId, String reason) {
        return given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/enrollments/{s}/{r}/withdrawal", school, sourceRecordId).then();
    }
}
