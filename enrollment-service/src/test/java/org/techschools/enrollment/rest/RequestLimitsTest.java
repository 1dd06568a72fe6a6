package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.SmallLimits;
import org.techschools.testinfra.TestTokens;

/**
 * Limits with clear answers: request bodies above their endpoint's limit (413), and clients over their rate — the public
 * list per address, writes per token, uploads per school, ID number reveals per person and day (429 with Retry-After).
 * Small rate limits in a profile of this class only; the body limits are the real ones.
 */
@QuarkusTest
@TestProfile(RequestLimitsTest.SmallRates.class)
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class RequestLimitsTest {

    static final int PUBLIC = 5;
    static final int WRITES = 20;
    static final int UPLOADS = 2;
    static final int REVEALS = 2;

    public static class SmallRates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SmallLimits.overrides(Map.of("public", PUBLIC, "write", WRITES, "upload", UPLOADS),
                    Map.of("platform.limits.reveal.per-day", Integer.toString(REVEALS)));
        }
    }

    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aJsonBodyAboveOneMebibyteIsRefusedWith413NamingTheRuleAndTheLimit() {
        String token = TestTokens.school(TestData.newCode("BODY"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(jsonOfSize(MIB + 1))
                .post("/api/v1/enrollments").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors[0].field", equalTo("$"))
                .body("errors[0].rule", equalTo("max-body-size"))
                .body("errors[0].message", containsString("1 MiB"));
        // The refused body was read into nothing: the next request is answered as usual.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/enrollments").then().statusCode(400);
    }

    @Test
    void aBodySentWithoutALengthIsCountedWhileReadAndRefusedPastTheLimit() {
        String token = TestTokens.school(TestData.newCode("CHUNK"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(jsonOfSize(2 * MIB).getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/enrollments").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("max-body-size"));
    }

    @Test
    void aBatchHasRoomForItsFiveThousandItemsAndAnUploadForItsSheet() {
        String school = TestData.newCode("ROOM");
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> item = TestData.enrollment(school, "ROOM-1");
        for (int i = 0; i < 5001; i++) {
            items.add(item);
        }
        // Over 1 MiB but within the batch's limit: refused for its item count, not for its size.
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/enrollments/batch").then().statusCode(413).body("errors[0].rule", equalTo("batch-limit"));
        given().auth().oauth2(TestTokens.school(school)).contentType("text/csv").body(new byte[5 * MIB + 1])
                .post("/api/v1/enrollments/upload").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("max-body-size")).body("errors[0].message", containsString("5 MiB"));
    }

    @Test
    void aBodyAboveTheServiceLimitIsAnsweredWithProblemJsonBeforeItIsSent() throws IOException {
        for (String path : List.of("api/v1/enrollments/batch", "no/such/path")) {
            SmallLimits.Answer answer = SmallLimits.announce(URI.create(root + path),
                    TestTokens.school(TestData.newCode("HUGE")), "application/json", 13L * MIB);
            assertEquals(413, answer.status(), path);
            assertEquals("application/problem+json", answer.headers().get("content-type"), path);
            assertTrue(answer.body().contains("\"rule\":\"max-body-size\""), answer.body());
            assertTrue(answer.body().contains("12 MiB"), answer.body());
        }
        // Within the service's limit, an endpoint's own limit answers the same way before the body is sent.
        SmallLimits.Answer answer = SmallLimits.announce(URI.create(root + "api/v1/enrollments"),
                TestTokens.school(TestData.newCode("HUGE")), "application/json", 2L * MIB);
        assertEquals(413, answer.status());
        assertTrue(answer.body().contains("\"rule\":\"max-body-size\"") && answer.body().contains("1 MiB"), answer.body());
    }

    @Test
    void thePublicSchoolListIsLimitedPerClientAddress() {
        for (int i = 0; i < PUBLIC; i++) {
            publicSchools().statusCode(200);
        }
        String retryAfter = publicSchools().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("errors[0].rule", equalTo("rate-limit-public"))
                .body("errors[0].message", containsString("per client address"))
                .extract().header("Retry-After");
        assertRetryAfterWithin(retryAfter, 60);
    }

    @Test
    void writesAreLimitedPerToken() {
        String token = TestTokens.school(TestData.newCode("WRITE"));
        for (int i = 0; i < WRITES; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/enrollments").then()
                    .statusCode(400);
        }
        String retryAfter = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/enrollments")
                .then().statusCode(429).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("rate-limit-write"))
                .extract().header("Retry-After");
        assertRetryAfterWithin(retryAfter, 60);
        // Another token is not held back by this one.
        given().auth().oauth2(TestTokens.school(TestData.newCode("WRITE"))).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/enrollments").then().statusCode(400);
    }

    @Test
    void uploadsAreLimitedPerSchool() {
        String token = TestTokens.school(TestData.newCode("UPLOAD"));
        for (int i = 0; i < UPLOADS; i++) {
            given().auth().oauth2(token).contentType("text/csv").body("").post("/api/v1/enrollments/upload").then()
                    .statusCode(400);
        }
        String retryAfter = given().auth().oauth2(token).contentType("text/csv").body("")
                .post("/api/v1/enrollments/upload").then().statusCode(429).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("rate-limit-upload"))
                .body("errors[0].message", containsString("per school"))
                .extract().header("Retry-After");
        assertRetryAfterWithin(retryAfter, 60);
    }

    @Test
    void revealsArePerPersonAndDayAndGoingOverTellsTheNationalCentre() throws IOException {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> body = TestData.enrollment(school, "LIMIT-1");
        String idNumber = TestData.student(body).get("idNumber").toString();
        String id = TestData.push(body);
        for (int i = 0; i < REVEALS; i++) {
            reveal(TestTokens.auditor(), id).statusCode(200).body("idNumber", equalTo(idNumber));
        }
        for (int i = 0; i < 2; i++) {
            String retryAfter = reveal(TestTokens.auditor(), id).statusCode(429).contentType("application/problem+json")
                    .body("errors[0].rule", equalTo("reveal-daily-limit"))
                    .body("errors[0].message", containsString(REVEALS + " ID number reveals per person and day"))
                    .extract().header("Retry-After");
            assertRetryAfterWithin(retryAfter, 24 * 3600);
        }
        // Another person still may.
        reveal(TestTokens.province(TestData.ZHEJIANG), id).statusCode(200);

        // No access-log row for a refused reveal; one alert for the day, counting both refusals, for national only.
        assertEquals(REVEALS, given().auth().oauth2(TestTokens.national()).get("/api/v1/access-log").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.accessedBy == 'auditor' }").size());
        Map<String, Object> alert = given().auth().oauth2(TestTokens.national()).get("/api/v1/reveal-alerts").then()
                .statusCode(200).body("items.accessedBy", hasItem("auditor"))
                .extract().jsonPath().getMap("items.find { it.accessedBy == 'auditor' }");
        assertEquals("auditor", alert.get("role"));
        assertEquals(2, alert.get("refused"));
        assertEquals(REVEALS, alert.get("dailyLimit"));
        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/reveal-alerts").then().statusCode(403);
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).get("/api/v1/reveal-alerts").then().statusCode(403);

        // The service log warns once, naming the alert, and no person or record.
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        List<String> warnings = log.lines().filter(line -> line.contains(alert.get("id").toString())).toList();
        assertEquals(1, warnings.size(), "one warning per person and day");
        assertTrue(warnings.get(0).contains("WARN") && warnings.get(0).contains("ID number reveals refused"), warnings.get(0));
        assertFalse(warnings.get(0).contains(idNumber) || warnings.get(0).contains(id) || warnings.get(0).contains(school));
    }

    private static ValidatableResponse publicSchools() {
        return given().queryParam("province", TestData.ZHEJIANG).queryParam("year", 2026).get("/api/v1/public/schools").then();
    }

    private static ValidatableResponse reveal(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "限额核查"))
                .post("/api/v1/enrollments/{id}/reveal", id).then();
    }

    private static void assertRetryAfterWithin(String retryAfter, long maxSeconds) {
        assertTrue(retryAfter != null && retryAfter.matches("\\d+"), "Retry-After in whole seconds: " + retryAfter);
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= maxSeconds, "Retry-After " + seconds);
    }

    private static String jsonOfSize(int bytes) {
        return "{\"padding\":\"" + "x".repeat(bytes - "{\"padding\":\"\"}".length()) + "\"}";
    }
}
