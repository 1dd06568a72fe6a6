package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import org.techschools.registration.domain.School;
import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 学籍注册截止提醒: with the clock set to 10 October 2030 (China), the autumn deadline of 31 October is 21 days ahead; offices
 * see it with each school's 学籍 of the intake, a school with none counted.
 */
@QuarkusTest
@TestProfile(RegistrationDeadlineTest.TenthOfOctober2030.class)
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationDeadlineTest {

    private static final String HAINAN = "460000";
    private static final String HAIKOU = "460100";
    private static final String SANYA = "460200";

    public static class TenthOfOctober2030 implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }
    }

    /** The platform clock, set for this test only (an alternative enabled by its profile). */
    @Alternative
    @Singleton
    public static class FixedClock {
        @Produces
        @Singleton
        Clock clock() {
            return Clock.fixed(Instant.parse("2030-10-09T16:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Test
    void anApproachingDeadlineListsEachSchoolsRegistrationsOfTheIntake() {
        String haikou = announceSchool(HAIKOU);
        String sanya = announceSchool(SANYA);
        List<Enrollment> records = List.of(autumn2030(haikou), autumn2030(haikou));
        records.forEach(e -> TestEvents.sendEnrollmentEvent(e.personKey, e.recorded()));
        Alerts.awaitAllChecked(records);

        JsonPath within30 = given().auth().oauth2(TestTokens.province(HAINAN)).queryParam("within", 30)
                .get("/api/v1/registration-deadlines/approaching").then().statusCode(200).extract().jsonPath();
        assertEquals(1, within30.getList("$").size(), "only the autumn deadline is within 30 days");
        assertEquals("2030-10-31", within30.getString("[0].deadline"));
        assertEquals(21, within30.getInt("[0].daysLeft"));
        assertEquals("AUTUMN", within30.getString("[0].intakeSeason"));
        assertEquals(2, within30.getInt("[0].schools.find { it.schoolCode == '" + haikou + "' }.registered"));
        assertEquals(0, within30.getInt("[0].schools.find { it.schoolCode == '" + sanya + "' }.registered"));
        assertEquals(1, within30.getInt("[0].schoolsWithNone"));

        // The spring deadline of 2031 comes into view further ahead; nothing within 10 days.
        given().auth().oauth2(TestTokens.province(HAINAN)).queryParam("within", 200).get("/api/v1/registration-deadlines/approaching")
                .then().statusCode(200).body("deadline", equalTo(List.of("2030-10-31", "2031-03-31")));
        given().auth().oauth2(TestTokens.province(HAINAN)).queryParam("within", 10).get("/api/v1/registration-deadlines/approaching")
                .then().statusCode(200).body("$", empty());
        // A city office sees its own city's schools; the national centre any province.
        given().auth().oauth2(TestTokens.city(SANYA)).get("/api/v1/registration-deadlines/approaching").then().statusCode(200)
                .body("[0].schools.schoolCode", equalTo(List.of(sanya)));
        given().auth().oauth2(TestTokens.national()).queryParam("province", HAINAN).get("/api/v1/registration-deadlines/approaching")
                .then().statusCode(200).body("[0].schools.size()", equalTo(2));
    }

    @Test
    void scopeAndValidation() {
        given().auth().oauth2(TestTokens.province("330000")).queryParam("province", HAINAN)
                .get("/api/v1/registration-deadlines/approaching").then().statusCode(403);
        given().auth().oauth2(TestTokens.school("S-1")).get("/api/v1/registration-deadlines/approaching").then().statusCode(403);
        given().auth().oauth2(TestTokens.national()).queryParam("within", 999).get("/api/v1/registration-deadlines/approaching").then()
                .statusCode(400).body("errors[0].field", equalTo("within")).body("errors[0].rule", equalTo("range"));
        given().auth().oauth2(TestTokens.national()).queryParam("province", "4600").get("/api/v1/registration-deadlines/approaching")
                .then().statusCode(400).body("errors[0].field", equalTo("province"));
    }

    private static Enrollment autumn2030(String school) {
        return Enrollment.of(TestEvents.personKey(), school).inCity(HAIKOU)
                .intake(2030, "AUTUMN", "2030-09-01").recordedAt(Instant.parse("2030-09-10T02:00:00Z"));
    }

    /** Announces a school on school-events as enrollment-service does, and waits for its projection. */
    private static String announceSchool(String cityCode) {
        String code = TestEvents.schoolCode();
        ObjectNode p = TestEvents.MAPPER.createObjectNode();
        p.put("code", code);
        p.put("name", "测试技工学校 " + code);
        p.put("type", "TECHNICAL_SCHOOL");
        p.put("provinceCode", HAINAN);
        p.put("cityCode", cityCode);
        p.put("provincial", false);
        p.putNull("ownership");
        p.putNull("hotline");
        p.putArray("qualifiedYears").add(2030);
        p.putArray("majors");
        TestEvents.send("school-events", code, TestEvents.envelope(UUID.randomUUID(), "SchoolUpserted", 1, code, p));
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> School.findById(code) != null));
        return code;
    }
}
