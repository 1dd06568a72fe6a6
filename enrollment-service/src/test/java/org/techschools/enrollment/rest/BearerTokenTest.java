package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Verified tokens are remembered (commons VerifiedTokenCache); what a caller sees must not change because of it. A token
 * signed with the right key is still refused when issued by someone else or for another audience.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class BearerTokenTest {

    String school;

    @BeforeEach
    void createSchool() {
        school = TestData.createSchool(TestData.HANGZHOU);
        TestData.push(TestData.enrollment(school, "TOKEN-1"));
    }

    private int readWith(String token) {
        return given().auth().oauth2(token).get("/api/v1/enrollments/{s}/{r}", school, "TOKEN-1").then().extract().statusCode();
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsRefused() {
        String token = TestTokens.school(school);
        assertEquals(200, readWith(token));
        String otherSchool = TestTokens.school(school + "-X");
        // The accepted token's header and signature around another school's claims: a forgery.
        String forged = token.substring(0, token.indexOf('.') + 1) + otherSchool.split("\\.")[1]
                + token.substring(token.lastIndexOf('.'));
        assertEquals(401, readWith(forged));
        String badSignature = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertEquals(401, readWith(badSignature));
        assertEquals(200, readWith(token));
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        assertEquals(200, readWith(TestTokens.issuedFor("school", school, null, PlatformInfra.JWT_ISSUER, PlatformInfra.JWT_AUDIENCE)));
        assertEquals(401, readWith(TestTokens.issuedFor("school", school, null, PlatformInfra.JWT_ISSUER, "another-platform")));
        assertEquals(401, readWith(TestTokens.issuedFor("school", school, null, PlatformInfra.JWT_ISSUER, null)));
        assertEquals(401, readWith(TestTokens.issuedFor("school", school, null, "https://issuer.example", PlatformInfra.JWT_AUDIENCE)));
    }

    @Test
    void anAcceptedTokenIsRefusedOnceItExpires() {
        String token = TestTokens.token("school", school, null, Duration.ofSeconds(2));
        assertEquals(200, readWith(token));
        assertEquals(200, readWith(token));
        // The verifier judges exp by wall-clock time (1 s of skew in %test): polled, not slept for a guessed span.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> readWith(token) == 401);
    }
}
