package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** A token signed with the right key is still refused when it was issued by someone else or for another audience. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class BearerTokenTest {

    private int readWith(String token) {
        return given().auth().oauth2(token).get("/api/v1/alerts").then().extract().statusCode();
    }

    private static String issuedFor(String issuer, String audience) {
        return TestTokens.issuedFor("auditor", null, null, issuer, audience);
    }

    @Test
    void onlyTheConfiguredIssuerAndAudienceAreAccepted() {
        assertEquals(200, readWith(issuedFor(PlatformInfra.JWT_ISSUER, PlatformInfra.JWT_AUDIENCE)));
        assertEquals(401, readWith(issuedFor(PlatformInfra.JWT_ISSUER, "another-platform")));
        assertEquals(401, readWith(issuedFor(PlatformInfra.JWT_ISSUER, null)));
        assertEquals(401, readWith(issuedFor("https://issuer.example", PlatformInfra.JWT_AUDIENCE)));
    }
}
