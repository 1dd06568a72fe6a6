package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 在籍: ACTIVE 学籍 from real registration-events beside actual enrollment from enrollment-events, per city and
 * school; withdrawals and transfers lower it, replays of both topics leave every figure as it was. Each test owns a
 * city and intake year no other test enrolls in.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class RegistrationCountingTest {

    private static final String PROVINCE = "330000";
    private static final String WENZHOU = "330300";
    private static final String ZHOUSHAN = "330900";

    @Test
    void aWithdrawalOrTransferLowersTheActiveRegistrationsButNotTheEnrollmentCount() {
        int year = 2029;
        String school = schoolCode("WZ");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(school, "温州技师学院", PROVINCE, WENZHOU));
        List<Enrollment> students = new ArrayList<>();
        List<UUID> registrations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Enrollment e = new Enrollment(school, WENZHOU, year);
            students.add(e);
            registrations.add(UUID.randomUUID());
            sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded());
            sendEvent(Topics.REGISTRATION_EVENTS, e.registrationChanged(registrations.get(i), "ACTIVE", "REGISTER"));
        }
        awaitFigures(year, WENZHOU, 3, 3);
        JsonPath drillDown = schools(year, WENZHOU);
        assertEquals(3, drillDown.getInt("activeRegistrations"));
        assertEquals(3, drillDown.getInt("schools.find { it.schoolCode == '" + school + "' }.activeRegistrations"));

        // 退学: the 学籍 ends; the enrollment record itself stays counted until enrollment-service withdraws it.
        sendEvent(Topics.REGISTRATION_EVENTS,
                students.get(0).registrationChanged(registrations.get(0), "WITHDRAWN", "WITHDRAW"));
        awaitFigures(year, WENZHOU, 3, 2);
        // 转学 approved: TRANSFERRED_OUT no longer counts at this school.
        sendEvent(Topics.REGISTRATION_EVENTS,
                students.get(1).registrationChanged(registrations.get(1), "TRANSFERRED_OUT", "TRANSFER"));
        awaitFigures(year, WENZHOU, 3, 1);
        // 休学 then 复学: out, then back in.
        sendEvent(Topics.REGISTRATION_EVENTS,
                students.get(2).registrationChanged(registrations.get(2), "SUSPENDED", "SUSPEND"));
        awaitFigures(year, WENZHOU, 3, 0);
        sendEvent(Topics.REGISTRATION_EVENTS,
                students.get(2).registrationChanged(registrations.get(2), "ACTIVE", "RESUME"));
        awaitFigures(year, WENZHOU, 3, 1);
        assertEquals(1, schools(year, WENZHOU).getInt("schools.find { it.schoolCode == '" + school + "' }.activeRegistrations"));
    }

    @Test
    void aRegistrationBeforeItsRecordCountsOnceTheRecordArrivesAndReplaysOfBothTopicsChangeNothing() {
        int year = 2030;
        String school = schoolCode("ZS");
        String schoolEvent = schoolUpserted(school, "舟山技工学校", PROVINCE, ZHOUSHAN);
        sendEvent(Topics.SCHOOL_EVENTS, schoolEvent);
        List<String> enrollmentEvents = new ArrayList<>();
        List<String> registrationEvents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Enrollment e = new Enrollment(school, ZHOUSHAN, year);
            UUID registration = UUID.randomUUID();
            registrationEvents.add(e.registrationChanged(registration, "ACTIVE", "REGISTER"));
            enrollmentEvents.add(e.recorded());
            if (i == 3) {
                registrationEvents.add(e.registrationChanged(registration, "WITHDRAWN", "WITHDRAW"));
            }
        }
        // The 学籍 are announced before quota-service has seen their enrollment records.
        registrationEvents.forEach(event -> sendEvent(Topics.REGISTRATION_EVENTS, event));
        awaitConsumed(Topics.REGISTRATION_EVENTS);
        assertEquals(0, city(year, ZHOUSHAN).getInt("activeRegistrations"));
        enrollmentEvents.forEach(event -> sendEvent(Topics.ENROLLMENT_EVENTS, event));
        awaitFigures(year, ZHOUSHAN, 4, 3);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        String progressBefore = progress(year).prettify();
        String drillDownBefore = schools(year, ZHOUSHAN).prettify();

        // Replay both topics twice with the same eventIds, as after consumer-group offset resets.
        for (int replay = 0; replay < 2; replay++) {
            sendEvent(Topics.SCHOOL_EVENTS, schoolEvent);
            enrollmentEvents.forEach(event -> sendEvent(Topics.ENROLLMENT_EVENTS, event));
            registrationEvents.forEach(event -> sendEvent(Topics.REGISTRATION_EVENTS, event));
        }
        awaitConsumed(Topics.SCHOOL_EVENTS);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        awaitConsumed(Topics.REGISTRATION_EVENTS);
        assertEquals(progressBefore, progress(year).prettify());
        assertEquals(drillDownBefore, schools(year, ZHOUSHAN).prettify());
        assertEquals(4, city(year, ZHOUSHAN).getInt("actual"));
        assertEquals(3, city(year, ZHOUSHAN).getInt("activeRegistrations"));
    }

    private static JsonPath progress(int year) {
        return given().auth().oauth2(TestTokens.province(PROVINCE)).queryParam("year", year).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath city(int year, String cityCode) {
        JsonPath all = progress(year);
        return new JsonPath(EventFixtures.MAPPER.valueToTree(
                all.getMap("cities.find { it.cityCode == '" + cityCode + "' }")).toString());
    }

    private static JsonPath schools(int year, String cityCode) {
        return given().auth().oauth2(TestTokens.city(cityCode)).queryParam("year", year)
                .when().get("/api/v1/progress/" + cityCode + "/schools")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitFigures(int year, String cityCode, int actual, int activeRegistrations) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath city = city(year, cityCode);
            assertEquals(actual, city.getInt("actual"), "actual of " + cityCode);
            assertEquals(activeRegistrations, city.getInt("activeRegistrations"), "active 学籍 of " + cityCode);
        });
    }
}
