package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.OpenApiFuzzer;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Malformed input to every operation of the OpenAPI document, as an outside fuzzer sends it: no 5xx, no ID number
 * sent in comes back, every refusal is problem+json and quick, and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class MalformedInputTest {

    private static final Logger LOG = Logger.getLogger(MalformedInputTest.class);

    private static final String ZHEJIANG = "330000";
    private static final String HANGZHOU = "330100";

    @TestHTTPResource("/")
    URI service;

    @Test
    void malformedInputToEveryOperationIsRefusedCleanly() {
        Enrollment record = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).inCity(HANGZHOU);
        TestEvents.sendEnrollmentEvent(record.personKey, record.recorded());
        String registration = Alerts.registrationId(record);
        OpenApiFuzzer.Report report = OpenApiFuzzer.against(service)
                .tokensFor(record.schoolCode, HANGZHOU, ZHEJIANG)
                // Well-formed requests name a real 学籍 and the token's own school and region, so malformed ones get
                // past the lookup and the scope checks.
                .known("id", registration).known("school", record.schoolCode).known("schoolCode", record.schoolCode)
                .known("province", ZHEJIANG).known("city", HANGZHOU).known("year", 2026)
                .run();
        // A well-formed POST /registry/rebuild starts a rebuild: the next test class must not meet it half done.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> !"RUNNING".equals(
                given().auth().oauth2(TestTokens.national()).get("/api/v1/registry/rebuild").then().extract().path("state")));
        LOG.info(report.describe());
        report.assertClean();
    }
}
