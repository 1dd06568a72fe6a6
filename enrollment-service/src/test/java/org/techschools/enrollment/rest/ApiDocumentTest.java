package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.testinfra.ApiDocumentRules;
import org.techschools.testinfra.PlatformInfraResource;

/** The served OpenAPI document describes every operation completely (ApiDocumentRules says what that means). */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ApiDocumentTest {

    @Test
    void everyOperationIsFullyDescribed() throws Exception {
        String document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        ApiDocumentRules.assertComplete(new ObjectMapper().readTree(document));
    }
}
