package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.OpenApiFuzzer;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Malformed input to every operation of the OpenAPI document, as an outside fuzzer sends it: no 5xx, no ID number
 * sent in comes back, every refusal is problem+json and quick, and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class MalformedInputTest {

    private static final Logger LOG = Logger.getLogger(MalformedInputTest.class);

    @TestHTTPResource("/")
    URI service;

    @Test
    void malformedInputToEveryOperationIsRefusedCleanly() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        OpenApiFuzzer.Report report = OpenApiFuzzer.against(service)
                .tokensFor(school, TestData.HANGZHOU, TestData.ZHEJIANG)
                // Well-formed requests name the token's own school and region, so malformed ones get past scope checks.
                .known("schoolCode", school).known("code", school).known("school", school)
                .known("provinceCode", TestData.ZHEJIANG).known("province", TestData.ZHEJIANG)
                .known("cityCode", TestData.HANGZHOU).known("city", TestData.HANGZHOU).known("originRegion", TestData.HANGZHOU)
                .known("month", "2026-09").known("year", 2026).known("intakeYear", 2026)
                // ... and a push is a valid record (of the fuzzer's own ID number), so variants of it reach the rules.
                .known("idType", "RESIDENT_ID").known("name", "张伟").known("majorCode", "0401")
                .known("classLevel", "INTERMEDIATE").known("studyMode", "FULL_TIME").known("intakeSeason", "AUTUMN")
                .known("enrolledOn", "2026-09-01").known("sourceCategory", "初中毕业生").known("priorityFlags", List.of())
                .serviceLog(Path.of("target/quarkus-test.log"))
                .run();
        LOG.info(report.describe());
        report.assertClean();
    }

    @Test
    void textThatCannotBeStoredIsRefusedNamingTheField() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> record = TestData.enrollment(school, TestData.newCode("R"));
        TestData.student(record).put("name", "张\u0000伟");
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(record)
                .post("/api/v1/enrollments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("student.name")).body("errors.rule", contains("invalid-character"));
        given().auth().oauth2(TestTokens.school(school)).urlEncodingEnabled(false)
                .get("/api/v1/enrollments/" + school + "/R%00").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("sourceRecordId")).body("errors.rule", contains("invalid-character"));
    }
}
