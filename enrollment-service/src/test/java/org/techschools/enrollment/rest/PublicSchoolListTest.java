package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * 招生资质信息公开 without a token: the parameters are checked before the (bounded) cache is asked, so no value a client
 * makes up becomes a cache entry; a refusal names the field and rule and does not repeat the value.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class PublicSchoolListTest {

    @Test
    void provinceMustBeAProvinceCodeAndYearAYear() {
        for (String province : new String[] { "330100", "33000", "3300000", "abcdef", "000000" }) {
            list(province, "2026").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("province")).body("errors[0].rule", equalTo("province-code"));
        }
        list("abc<script>", "2026").statusCode(400).body(not(org.hamcrest.Matchers.containsString("abc<script>")));
        for (String year : new String[] { "26", "20266", "x2026", "3000" }) {
            list(TestData.ZHEJIANG, year).statusCode(400).body("errors[0].field", equalTo("year"))
                    .body("errors[0].rule", equalTo("year"));
        }
        given().get("/api/v1/public/schools").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("province", "year"))
                .body("errors.rule", org.hamcrest.Matchers.contains("required", "required"));
    }

    @Test
    void aQualifiedSchoolIsListed() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        list(TestData.ZHEJIANG, "2026").statusCode(200).body("code", hasItem(school));
    }

    private static ValidatableResponse list(String province, String year) {
        return given().queryParam("province", province).queryParam("year", year).get("/api/v1/public/schools").then();
    }
}
