package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** Who sees which 进展: tokens, roles and the region claim; bad parameters answer 400 naming the field. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class ProgressScopeTest {

    @Test
    void withoutATokenTheAnswerIs401() {
        given().queryParam("year", 2024).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(401);
        given().queryParam("year", 2024)
                .when().get("/api/v1/progress/330100/schools")
                .then().statusCode(401);
    }

    @Test
    void openApiAndHealthNeedNoToken() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aCityOfficeSeesOnlyItsOwnCity() {
        given().auth().oauth2(TestTokens.city("330100"))
                .queryParam("year", 2024).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .body("scopeCityCode", equalTo("330100"))
                .body("cities", hasSize(1))
                .body("cities[0].cityCode", equalTo("330100"))
                .body("cities[0].target", equalTo(20460))
                .body("target", equalTo(20460));
        given().auth().oauth2(TestTokens.city("330100"))
                .queryParam("year", 2024)
                .when().get("/api/v1/progress/330200/schools")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.city("330100"))
                .queryParam("year", 2024)
                .when().get("/api/v1/progress/330100/schools")
                .then().statusCode(200)
                .body("cityName", equalTo("杭州市"));
    }

    @Test
    void aProvinceOfficeSeesItsProvinceAndNotAnother() {
        given().auth().oauth2(TestTokens.province("330000"))
                .queryParam("year", 2024).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .body("target", equalTo(110000))
                .body("cities", hasSize(11));
        given().auth().oauth2(TestTokens.province("320000"))
                .queryParam("year", 2024).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.province("320000"))
                .queryParam("year", 2024)
                .when().get("/api/v1/progress/330100/schools")
                .then().statusCode(403);
    }

    /**
     * The views are cached for a second (rest/DashboardJson): asked right after a wider view of the same year, a city
     * office still gets only its own city, and a province office after a city office still gets every city.
     */
    @Test
    void aCachedReportIsNeverServedOutsideTheCallersScope() {
        int year = 2025;
        assertProvinceOfficeSeesEveryCity(year);
        given().auth().oauth2(TestTokens.city("330200"))
                .queryParam("year", year).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .body("scopeCityCode", equalTo("330200"))
                .body("cities.cityCode", contains("330200"))
                .body("burnUp.cityCode", everyItem(equalTo("330200")));
        assertProvinceOfficeSeesEveryCity(year);

        // The drill-down of a city the province just asked for stays closed to another city's office.
        given().auth().oauth2(TestTokens.province("330000"))
                .queryParam("year", year)
                .when().get("/api/v1/progress/330100/schools")
                .then().statusCode(200)
                .body("cityCode", equalTo("330100"));
        given().auth().oauth2(TestTokens.city("330200"))
                .queryParam("year", year)
                .when().get("/api/v1/progress/330100/schools")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.city("330200"))
                .queryParam("year", year)
                .when().get("/api/v1/progress/330200/schools")
                .then().statusCode(200)
                .body("cityCode", equalTo("330200"));
    }

    private static void assertProvinceOfficeSeesEveryCity(int year) {
        given().auth().oauth2(TestTokens.province("330000"))
                .queryParam("year", year).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .body("scopeCityCode", equalTo(null))
                .body("cities", hasSize(11));
    }

    @Test
    void otherRolesAreRefused() {
        given().auth().oauth2(TestTokens.school("S-1"))
                .queryParam("year", 2024).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("public", null, null))
                .queryParam("year", 2024).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(403);
    }

    @Test
    void missingOrInvalidParametersAreNamed() {
        given().auth().oauth2(TestTokens.national())
                .queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.national())
                .queryParam("year", 2024)
                .when().get("/api/v1/progress")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("province"));
        given().auth().oauth2(TestTokens.national())
                .queryParam("year", 2024).queryParam("province", "330100")
                .when().get("/api/v1/progress")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("province"));
        given().auth().oauth2(TestTokens.national())
                .queryParam("year", "24").queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.national())
                .queryParam("year", 2024)
                .when().get("/api/v1/progress/33x100/schools")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("cityCode"));
    }
}
