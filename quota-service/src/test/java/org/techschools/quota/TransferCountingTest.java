package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 转学 in the figures: an approved transfer (TRANSFER then TRANSFER_IN on registration-events) moves the record's actual
 * enrollment and its ACTIVE 学籍 from the old school and city to the receiving ones on the 进展 dashboards; corrections
 * of the record leave it there, a transfer seen before its record counts at the receiving school, replays change
 * nothing. The test owns its intake year.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class TransferCountingTest {

    private static final String PROVINCE = "330000";
    private static final String JIAXING = "330400";
    private static final String HUZHOU = "330500";
    private static final int YEAR = 2032;

    /** TRANSFER_IN as registration-service announces the 学籍 continued at {@code toSchool}, checked against the schema. */
    private static String transferredIn(Enrollment e, UUID registrationId, String toSchool, String toCity) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("registrationId", registrationId.toString());
        payload.put("enrollmentId", e.enrollmentId.toString());
        payload.put("schoolCode", toSchool);
        payload.put("sourceRecordId", e.sourceRecordId);
        payload.put("personKey", e.personKey);
        payload.put("status", "ACTIVE");
        payload.put("changeType", "TRANSFER_IN");
        payload.put("studyMode", e.studyMode);
        payload.put("effectiveOn", YEAR + "-03-01");
        payload.put("provinceCode", PROVINCE);
        payload.put("cityCode", toCity);
        payload.put("fromSchoolCode", e.schoolCode);
        String json = EventFixtures.envelope("RegistrationChanged", e.personKey, payload);
        assertEquals(Set.of(), EventContracts.violations(json, "RegistrationChanged"));
        return json;
    }

    @Test
    void anApprovedTransferMovesTheCountsToTheReceivingSchoolOnceAndForAll() {
        String from = schoolCode("JX");
        String to = schoolCode("HZ");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(from, "嘉兴技工学校", PROVINCE, JIAXING));
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(to, "湖州技师学院", PROVINCE, HUZHOU));
        Enrollment moving = new Enrollment(from, JIAXING, YEAR);
        Enrollment staying = new Enrollment(from, JIAXING, YEAR);
        UUID movingAtFrom = UUID.randomUUID();
        for (Enrollment e : List.of(moving, staying)) {
            sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded());
            sendEvent(Topics.REGISTRATION_EVENTS, e.registrationChanged(e == moving ? movingAtFrom : UUID.randomUUID(),
                    "ACTIVE", "REGISTER"));
        }
        awaitFigures(JIAXING, 2, 2);
        awaitFigures(HUZHOU, 0, 0);

        UUID movingAtTo = UUID.randomUUID();
        String out = moving.registrationChanged(movingAtFrom, "TRANSFERRED_OUT", "TRANSFER");
        String in = transferredIn(moving, movingAtTo, to, HUZHOU);
        sendEvent(Topics.REGISTRATION_EVENTS, out);
        sendEvent(Topics.REGISTRATION_EVENTS, in);
        awaitFigures(HUZHOU, 1, 1);
        awaitFigures(JIAXING, 1, 1);
        JsonPath huzhou = schools(HUZHOU);
        assertEquals(1, huzhou.getInt("schools.find { it.schoolCode == '" + to + "' }.actual"));
        assertEquals(1, huzhou.getInt("schools.find { it.schoolCode == '" + to + "' }.activeRegistrations"));
        assertEquals(1, schools(JIAXING).getInt("schools.find { it.schoolCode == '" + from + "' }.actual"));

        // A correction of the record names the school that enrolled the person: the record stays where it moved.
        moving.version = 2;
        moving.classLevel = "ADVANCED";
        sendEvent(Topics.ENROLLMENT_EVENTS, moving.recorded());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertEquals(1,
                schools(HUZHOU).getInt("schools.find { it.schoolCode == '" + to + "' }.byLevel.ADVANCED")));
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        awaitFigures(HUZHOU, 1, 1);
        awaitFigures(JIAXING, 1, 1);

        // A transfer announced before quota-service saw the record: the record counts at the receiving school.
        Enrollment early = new Enrollment(from, JIAXING, YEAR);
        UUID earlyAtFrom = UUID.randomUUID();
        sendEvent(Topics.REGISTRATION_EVENTS, early.registrationChanged(earlyAtFrom, "ACTIVE", "REGISTER"));
        sendEvent(Topics.REGISTRATION_EVENTS, early.registrationChanged(earlyAtFrom, "TRANSFERRED_OUT", "TRANSFER"));
        sendEvent(Topics.REGISTRATION_EVENTS, transferredIn(early, UUID.randomUUID(), to, HUZHOU));
        awaitConsumed(Topics.REGISTRATION_EVENTS);
        sendEvent(Topics.ENROLLMENT_EVENTS, early.recorded());
        awaitFigures(HUZHOU, 2, 2);
        awaitFigures(JIAXING, 1, 1);

        // Replays of the transfer's events (same eventIds) change nothing.
        String before = progress().prettify();
        for (int replay = 0; replay < 2; replay++) {
            sendEvent(Topics.REGISTRATION_EVENTS, out);
            sendEvent(Topics.REGISTRATION_EVENTS, in);
        }
        awaitConsumed(Topics.REGISTRATION_EVENTS);
        assertEquals(before, progress().prettify());
    }

    private static JsonPath progress() {
        return given().auth().oauth2(TestTokens.province(PROVINCE)).queryParam("year", YEAR).queryParam("province", PROVINCE)
                .when().get("/api/v1/progress").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath schools(String cityCode) {
        return given().auth().oauth2(TestTokens.city(cityCode)).queryParam("year", YEAR)
                .when().get("/api/v1/progress/" + cityCode + "/schools").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitFigures(String cityCode, int actual, int activeRegistrations) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, Object> city = progress().getMap("cities.find { it.cityCode == '" + cityCode + "' }");
            assertEquals(actual, city == null ? 0 : ((Number) city.get("actual")).intValue(), "actual of " + cityCode);
            assertEquals(activeRegistrations, city == null ? 0 : ((Number) city.get("activeRegistrations")).intValue(),
                    "active 学籍 of " + cityCode);
        });
    }
}
