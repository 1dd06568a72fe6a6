package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.SmallLimits;
import org.techschools.testinfra.TestTokens;

/**
 * Limits with clear answers: bodies above their endpoint's limit (413) and clients over their rate — writes per token,
 * roster uploads per office, certificate checks per client address (429 with Retry-After). In a profile of this class
 * only: small rates, and the roster's limit (256 MiB in production) and the service-wide one scaled down to sizes a test
 * sends.
 */
@QuarkusTest
@TestProfile(RequestLimitsTest.SmallLimitsProfile.class)
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RequestLimitsTest {

    static final int WRITES = 5;
    static final int UPLOADS = 2;
    static final int CERTIFICATE_CHECKS = 3;
    private static final int MIB = 1024 * 1024;

    public static class SmallLimitsProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SmallLimits.overrides(Map.of("write", WRITES, "upload", UPLOADS, "certificate-check", CERTIFICATE_CHECKS),
                    Map.of("platform.limits.body.roster", "4M", "quarkus.http.limits.max-body-size", "8M"));
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void aJsonBodyAboveOneMebibyteIsRefusedWith413() {
        given().auth().oauth2(TestTokens.province("340000")).contentType("application/json")
                .body("{\"type\":\"" + "x".repeat(MIB) + "\"}")
                .post("/api/v1/registrations/00000000-0000-0000-0000-000000000000/changes").then()
                .statusCode(413).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("$")).body("errors[0].rule", equalTo("max-body-size"))
                .body("errors[0].message", containsString("1 MiB"));
    }

    @Test
    void aRosterIsReadUpToItsOwnLimit() {
        String token = TestTokens.province("350000");
        String header = "idNumber,name,gender,birthDate,schoolName,status\n";
        given().auth().oauth2(token).contentType("text/csv")
                .body((header + "x".repeat(2 * MIB)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/rosters/GENERAL_HIGH_SCHOOL").then().statusCode(not(413));
        given().auth().oauth2(token).contentType("text/csv")
                .body((header + "x".repeat(4 * MIB)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/rosters/GENERAL_HIGH_SCHOOL").then().statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].rule", equalTo("max-body-size")).body("errors[0].message", containsString("4 MiB"));
    }

    @Test
    void aBodyAboveTheServiceLimitIsAnsweredWithProblemJsonBeforeItIsSent() throws IOException {
        for (String path : List.of("api/v1/rosters/GENERAL_HIGH_SCHOOL", "no/such/path")) {
            SmallLimits.Answer answer = SmallLimits.announce(URI.create(root + path), TestTokens.province("360000"),
                    "text/csv", 9L * MIB);
            assertEquals(413, answer.status(), path);
            assertEquals("application/problem+json", answer.headers().get("content-type"), path);
            assertTrue(answer.body().contains("\"rule\":\"max-body-size\"") && answer.body().contains("8 MiB"), answer.body());
        }
    }

    /** Without a token, per client address: trying numbers or names in bulk soon meets 429, whatever the answers were. */
    @Test
    void certificateChecksAreLimitedPerClientAddress() {
        for (int i = 0; i < CERTIFICATE_CHECKS; i++) {
            given().queryParam("name", "张伟").get("/api/v1/public/certificates/S1-2028-ABCDEFGHJK" + (10 + i)).then()
                    .statusCode(200).body("genuine", equalTo(false));
        }
        String retryAfter = given().queryParam("name", "张伟").get("/api/v1/public/certificates/S1-2028-ABCDEFGHJK99").then()
                .statusCode(429).contentType(containsString("application/problem+json"))
                .body("errors[0].rule", equalTo("rate-limit-certificate-check"))
                .body("errors[0].message", containsString("per client address")).body(not(containsString("张伟")))
                .extract().header("Retry-After");
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, retryAfter);
    }

    @Test
    void writesAreLimitedPerToken() {
        String token = TestTokens.province("370000");
        for (int i = 0; i < WRITES; i++) {
            given().auth().oauth2(token).contentType("application/json").body("{\"approve\":true}")
                    .post("/api/v1/transfers/not-a-transfer/decision").then().statusCode(404);
        }
        String retryAfter = given().auth().oauth2(token).contentType("application/json").body("{\"approve\":true}")
                .post("/api/v1/transfers/not-a-transfer/decision").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].rule", equalTo("rate-limit-write")).body("errors[0].message", containsString("per token"))
                .extract().header("Retry-After");
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, retryAfter);
    }

    @Test
    void rosterUploadsAreLimitedPerOffice() {
        String token = TestTokens.province("410000");
        for (int i = 0; i < UPLOADS; i++) {
            given().auth().oauth2(token).contentType("text/csv").body("").post("/api/v1/rosters/NO_SUCH_SYSTEM").then()
                    .statusCode(400);
        }
        String retryAfter = given().auth().oauth2(token).contentType("text/csv").body("")
                .post("/api/v1/rosters/NO_SUCH_SYSTEM").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].rule", equalTo("rate-limit-upload"))
                .extract().header("Retry-After");
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, retryAfter);
    }
}
