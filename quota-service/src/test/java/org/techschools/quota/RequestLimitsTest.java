package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.SmallLimits;
import org.techschools.testinfra.TestTokens;

/**
 * Limits with clear answers: bodies above their endpoint's limit (413) and clients over their rate — writes per token,
 * target imports per office (429 with Retry-After). Small rate limits in a profile of this class only.
 */
@QuarkusTest
@TestProfile(RequestLimitsTest.SmallRates.class)
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class RequestLimitsTest {

    static final int WRITES = 5;
    static final int IMPORTS = 2;
    private static final int MIB = 1024 * 1024;

    public static class SmallRates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SmallLimits.overrides(Map.of("write", WRITES, "upload", IMPORTS), Map.of());
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void aJsonBodyAboveOneMebibyteIsRefusedWith413() {
        given().auth().oauth2(TestTokens.province("340000")).contentType(ContentType.JSON)
                .body("{\"padding\":\"" + "x".repeat(MIB) + "\"}").post("/api/v1/plans").then()
                .statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("$")).body("errors[0].rule", equalTo("max-body-size"))
                .body("errors[0].message", containsString("1 MiB"));
    }

    @Test
    void aTargetTableMayBeLargerThanAJsonRequestUpToItsOwnLimit() {
        String token = TestTokens.province("350000");
        String header = "year,level,code,classLevel,target,source\n";
        // 2 MiB of CSV is read (and refused for its content, not its size); above 4 MiB it is not read.
        given().auth().oauth2(token).contentType("text/csv").body(header + "x".repeat(2 * MIB))
                .post("/api/v1/targets/import").then().statusCode(not(413));
        given().auth().oauth2(token).contentType("text/csv").body(header + "x".repeat(4 * MIB))
                .post("/api/v1/targets/import").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("max-body-size")).body("errors[0].message", containsString("4 MiB"));
    }

    @Test
    void aBodyAboveTheServiceLimitIsAnsweredWithProblemJsonBeforeItIsSent() throws IOException {
        for (String path : List.of("api/v1/targets/import", "no/such/path")) {
            SmallLimits.Answer answer = SmallLimits.announce(URI.create(root + path), TestTokens.national(), "text/csv",
                    5L * MIB);
            assertEquals(413, answer.status(), path);
            assertEquals("application/problem+json", answer.headers().get("content-type"), path);
            assertTrue(answer.body().contains("\"rule\":\"max-body-size\"") && answer.body().contains("4 MiB"), answer.body());
        }
    }

    @Test
    void writesAreLimitedPerToken() {
        String token = TestTokens.province("360000");
        for (int i = 0; i < WRITES; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/plans").then().statusCode(400);
        }
        String retryAfter = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/plans").then()
                .statusCode(429).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("rate-limit-write")).body("errors[0].message", containsString("per token"))
                .extract().header("Retry-After");
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, retryAfter);
        given().auth().oauth2(TestTokens.province("370000")).contentType(ContentType.JSON).body("{}").post("/api/v1/plans")
                .then().statusCode(400);
    }

    @Test
    void targetImportsAreLimitedPerOffice() {
        String token = TestTokens.province("410000");
        for (int i = 0; i < IMPORTS; i++) {
            given().auth().oauth2(token).contentType("text/csv").body("").post("/api/v1/targets/import").then()
                    .statusCode(400);
        }
        String retryAfter = given().auth().oauth2(token).contentType("text/csv").body("").post("/api/v1/targets/import")
                .then().statusCode(429).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("rate-limit-upload"))
                .extract().header("Retry-After");
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, retryAfter);
    }
}
