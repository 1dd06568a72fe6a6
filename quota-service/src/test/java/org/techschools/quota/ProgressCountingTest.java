package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.schoolCode;
import static org.techschools.quota.EventFixtures.schoolUpserted;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * Counting actual enrollment from real enrollment-events: per city, moved by corrections, decremented by withdrawals,
 * unchanged by redelivery and replay. Each test owns an intake year, so city totals are exact.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class ProgressCountingTest {

    private static final String HANGZHOU = "330100";
    private static final String NINGBO = "330200";

    @Test
    void recordedEnrollmentsAreCountedPerCityAndCorrectionsAndWithdrawalsMoveTheCounts() {
        int year = 2025;
        String hangzhouSchool = schoolCode("HZ");
        String ningboSchool = schoolCode("NB");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(hangzhouSchool, "杭州技师学院", "330000", HANGZHOU));
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(ningboSchool, "宁波技师学院", "330000", NINGBO));

        Enrollment a1 = new Enrollment(hangzhouSchool, HANGZHOU, year);
        Enrollment a2 = new Enrollment(hangzhouSchool, HANGZHOU, year);
        Enrollment a3 = new Enrollment(hangzhouSchool, HANGZHOU, year);
        a3.classLevel = "ADVANCED";
        a3.studyMode = "PART_TIME";
        Enrollment b1 = new Enrollment(ningboSchool, NINGBO, year);
        Enrollment b2 = new Enrollment(ningboSchool, NINGBO, year);
        for (Enrollment e : List.of(a1, a2, a3, b1, b2)) {
            sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded());
        }

        awaitCityActual(year, HANGZHOU, 3);
        awaitCityActual(year, NINGBO, 2);
        given().auth().oauth2(TestTokens.national())
                .queryParam("year", year).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .body("provinceName", equalTo("浙江省"))
                .body("target", equalTo(120000))
                .body("plan", equalTo(0))
                .body("actual", equalTo(5))
                .body("cities", hasSize(11))
                .body("cities.find { it.cityCode == '330100' }.cityName", equalTo("杭州市"))
                .body("cities.find { it.cityCode == '330100' }.target", equalTo(22320))
                .body("cities.find { it.cityCode == '330100' }.advancedShare", equalTo(33.3f))
                .body("cities.find { it.cityCode == '330900' }.actual", equalTo(0));

        given().auth().oauth2(TestTokens.city(HANGZHOU))
                .queryParam("year", year)
                .when().get("/api/v1/progress/" + HANGZHOU + "/schools")
                .then().statusCode(200)
                .body("schools.find { it.schoolCode == '" + hangzhouSchool + "' }.schoolName", equalTo("杭州技师学院"))
                .body("schools.find { it.schoolCode == '" + hangzhouSchool + "' }.actual", equalTo(3))
                .body("schools.find { it.schoolCode == '" + hangzhouSchool + "' }.byLevel.INTERMEDIATE", equalTo(2))
                .body("schools.find { it.schoolCode == '" + hangzhouSchool + "' }.byLevel.ADVANCED", equalTo(1))
                .body("schools.find { it.schoolCode == '" + hangzhouSchool + "' }.byMode.PART_TIME", equalTo(1));

        // 更正: a1 moves to another major and to 预备技师班.
        a1.version = 2;
        a1.majorCode = "0202";
        a1.classLevel = "PREP_TECHNICIAN";
        sendEvent(Topics.ENROLLMENT_EVENTS, a1.recorded());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath school = schoolRow(year, HANGZHOU, hangzhouSchool);
            assertEquals(3, school.getInt("actual"));
            assertEquals(1, school.getInt("byLevel.INTERMEDIATE"));
            assertEquals(1, school.getInt("byLevel.PREP_TECHNICIAN"));
            assertEquals(1, school.getInt("byMajor.'0202'"));
            assertEquals(2, school.getInt("byMajor.'0101'"));
        });

        // 撤销: b1 is withdrawn.
        b1.version = 2;
        sendEvent(Topics.ENROLLMENT_EVENTS, b1.withdrawn());
        awaitCityActual(year, NINGBO, 1);

        // An older version arriving late changes nothing.
        a1.version = 1;
        a1.majorCode = "0101";
        a1.classLevel = "INTERMEDIATE";
        sendEvent(Topics.ENROLLMENT_EVENTS, a1.recorded());
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        JsonPath school = schoolRow(year, HANGZHOU, hangzhouSchool);
        assertEquals(1, school.getInt("byLevel.PREP_TECHNICIAN"));
        assertEquals(3, school.getInt("actual"));
        assertEquals(1, cityActual(year, NINGBO));
    }

    @Test
    void theSameEventTwiceCountsOnceAndAReplayOfEverythingLeavesTheFiguresUnchanged() {
        int year = 2026;
        String hangzhouSchool = schoolCode("HZR");
        String ningboSchool = schoolCode("NBR");
        List<String> published = new ArrayList<>();
        published.add(schoolUpserted(hangzhouSchool, "杭州第一技工学校", "330000", HANGZHOU));
        published.add(schoolUpserted(ningboSchool, "宁波第一技工学校", "330000", NINGBO));
        sendEvent(Topics.SCHOOL_EVENTS, published.get(0));
        sendEvent(Topics.SCHOOL_EVENTS, published.get(1));

        List<String> enrollmentEvents = new ArrayList<>();
        Enrollment a1 = new Enrollment(hangzhouSchool, HANGZHOU, year);
        Enrollment a2 = new Enrollment(hangzhouSchool, HANGZHOU, year);
        Enrollment b1 = new Enrollment(ningboSchool, NINGBO, year);
        Enrollment b2 = new Enrollment(ningboSchool, NINGBO, year);
        enrollmentEvents.add(a1.recorded());
        enrollmentEvents.add(a2.recorded());
        enrollmentEvents.add(b1.recorded());
        enrollmentEvents.add(b2.recorded());
        a2.version = 2;
        a2.classLevel = "ADVANCED";
        enrollmentEvents.add(a2.recorded());
        b2.version = 2;
        enrollmentEvents.add(b2.withdrawn());
        // A withdrawal (v2) that overtakes its record (v1): the record is never counted.
        Enrollment b3 = new Enrollment(ningboSchool, NINGBO, year);
        b3.version = 2;
        String b3Withdrawn = b3.withdrawn();
        b3.version = 1;
        enrollmentEvents.add(b3Withdrawn);
        enrollmentEvents.add(b3.recorded());

        for (String event : enrollmentEvents) {
            sendEvent(Topics.ENROLLMENT_EVENTS, event);
        }
        // The same message delivered twice (e.g. the relay re-sent a batch after a crash).
        sendEvent(Topics.ENROLLMENT_EVENTS, enrollmentEvents.get(0));

        awaitCityActual(year, HANGZHOU, 2);
        awaitCityActual(year, NINGBO, 1);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        String before = progress(year).prettify();
        assertEquals(2, cityActual(year, HANGZHOU));
        assertEquals(50.0f, progress(year).getFloat("cities.find { it.cityCode == '330100' }.advancedShare"));

        // Replay everything (same eventIds), as after a consumer-group offset reset.
        for (String event : published) {
            sendEvent(Topics.SCHOOL_EVENTS, event);
        }
        for (String event : enrollmentEvents) {
            sendEvent(Topics.ENROLLMENT_EVENTS, event);
        }
        awaitConsumed(Topics.SCHOOL_EVENTS);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        assertEquals(before, progress(year).prettify());
        assertEquals(2, cityActual(year, HANGZHOU));
        assertEquals(1, cityActual(year, NINGBO));
    }

    @Test
    void manyEventsOfTheSameRecordsInOnePollCountAsIfAppliedOneByOne() {
        int year = 2027;
        String school = schoolCode("HZB");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(school, "杭州第二技师学院", "330000", HANGZHOU));

        // 200 records; 60 corrected to 高级工班 (20 of them twice, back to 中级工班 and part-time); 40 withdrawn, 10 of
        // them after their correction; 10 withdrawals that overtake their record; duplicates of 30 messages.
        List<String> events = new ArrayList<>();
        List<Enrollment> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Enrollment e = new Enrollment(school, HANGZHOU, year);
            records.add(e);
            events.add(e.recorded());
        }
        for (int i = 0; i < 60; i++) {
            Enrollment e = records.get(i);
            e.version = 2;
            e.classLevel = "ADVANCED";
            events.add(e.recorded());
        }
        for (int i = 0; i < 20; i++) {
            Enrollment e = records.get(i);
            e.version = 3;
            e.classLevel = "INTERMEDIATE";
            e.studyMode = "PART_TIME";
            events.add(e.recorded());
        }
        for (int i = 50; i < 90; i++) {
            Enrollment e = records.get(i);
            e.version++;
            events.add(e.withdrawn());
        }
        for (int i = 0; i < 10; i++) {
            Enrollment late = new Enrollment(school, HANGZHOU, year);
            late.version = 2;
            events.add(late.withdrawn());
            late.version = 1;
            events.add(late.recorded());
        }
        events.addAll(new ArrayList<>(events.subList(0, 30)));
        EventFixtures.sendEventsAtOnce(Topics.ENROLLMENT_EVENTS, events);

        // Active: 200 − 40 withdrawn = 160; 高级工班: the 40 corrected ones not corrected back (20–59) less the 10
        // withdrawn of them (50–59) = 30; part-time: the 20 corrected twice (0–19).
        awaitCityActual(year, HANGZHOU, 160);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        JsonPath row = schoolRow(year, HANGZHOU, school);
        assertEquals(160, row.getInt("actual"));
        assertEquals(30, row.getInt("byLevel.ADVANCED"));
        assertEquals(130, row.getInt("byLevel.INTERMEDIATE"));
        assertEquals(20, row.getInt("byMode.PART_TIME"));
        assertEquals(160, row.getInt("priorityGroups.find { it.group == 'POOR_FAMILY' }.count"));
        String before = progress(year).prettify();

        // The whole batch again (same eventIds): nothing moves.
        EventFixtures.sendEventsAtOnce(Topics.ENROLLMENT_EVENTS, events);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        assertEquals(before, progress(year).prettify());
        assertEquals(30, schoolRow(year, HANGZHOU, school).getInt("byLevel.ADVANCED"));
    }

    private static JsonPath progress(int year) {
        return given().auth().oauth2(TestTokens.province("330000"))
                .queryParam("year", year).queryParam("province", "330000")
                .when().get("/api/v1/progress")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static int cityActual(int year, String cityCode) {
        return progress(year).getInt("cities.find { it.cityCode == '" + cityCode + "' }.actual");
    }

    private static void awaitCityActual(int year, String cityCode, int expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertEquals(expected, cityActual(year, cityCode), "actual of " + cityCode));
    }

    private static JsonPath schoolRow(int year, String cityCode, String schoolCode) {
        JsonPath body = given().auth().oauth2(TestTokens.national())
                .queryParam("year", year)
                .when().get("/api/v1/progress/" + cityCode + "/schools")
                .then().statusCode(200)
                .extract().jsonPath();
        return new JsonPath(EventFixtures.MAPPER.valueToTree(
                body.getMap("schools.find { it.schoolCode == '" + schoolCode + "' }")).toString());
    }
}
