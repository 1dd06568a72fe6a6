package org.techschools.enrollment.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;

/** The GB/T 2260 list shipped as data decides the region rule for every province, not only Zhejiang. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class DivisionsTest {

    private static final LocalDate BIRTH = LocalDate.of(2010, 5, 17);

    @Test
    void idNumbersFromBeijingAndShenzhenPassTheRegionRuleAndAnUnknownPrefixFails() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        push(school, "BJ-1", ResidentIds.of("110101", BIRTH, true), "110101").statusCode(201);
        push(school, "SZ-1", ResidentIds.of("440300", BIRTH, true), "440305").statusCode(201);
        push(school, "XX-1", ResidentIds.of("990000", BIRTH, true), "330102").statusCode(422)
                .body("errors.rule", hasItem("id-region")).body("errors.field", hasItem("student.idNumber"));
        // A prefecture that does not exist in a listed province fails too (广东 has no 4499).
        push(school, "XX-2", ResidentIds.of("449901", BIRTH, true), "330102").statusCode(422)
                .body("errors.rule", hasItem("id-region"));
    }

    @Test
    void schoolsOfAnyProvinceNeedARealPrefecture() {
        given().auth().oauth2(TestTokens.province("440000")).contentType(ContentType.JSON)
                .body(TestData.school(TestData.newCode("GD"), "440000", "440300", "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(201).body("cityCode", equalTo("440300"));
        given().auth().oauth2(TestTokens.province("440000")).contentType(ContentType.JSON)
                .body(TestData.school(TestData.newCode("GD"), "440000", "449900", "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(422).body("errors[0].field", equalTo("cityCode")).body("errors[0].rule", equalTo("region-code"));
    }

    private static ValidatableResponse push(String school, String sourceRecordId, String idNumber, String originRegion) {
        Map<String, Object> body = TestData.enrollment(school, sourceRecordId, idNumber);
        body.put("originRegion", originRegion);
        return given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body).post("/api/v1/enrollments")
                .then();
    }
}
