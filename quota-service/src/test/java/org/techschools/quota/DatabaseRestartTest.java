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

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.LocalPostgres;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * The database goes away while enrollment-events keep arriving, and comes back: the consumer waits instead of skipping
 * or dead-lettering what it could not store, and once PostgreSQL is up again every event counts exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class DatabaseRestartTest {

    private static final String HANGZHOU = "330100";
    private static final int YEAR = 2029;

    @Test
    void eventsThatArriveWhileTheDatabaseIsDownAreCountedOnceItIsBack() {
        String school = schoolCode("PGR");
        sendEvent(Topics.SCHOOL_EVENTS, schoolUpserted(school, "杭州重启测试技工学校", "330000", HANGZHOU));
        List<Enrollment> before = enrollments(school, 10);
        List<String> sentBefore = before.stream().map(Enrollment::recorded).toList();
        sentBefore.forEach(event -> sendEvent(Topics.ENROLLMENT_EVENTS, event));
        awaitSchoolActual(school, 10);

        LocalPostgres postgres = PlatformInfra.get().postgres();
        postgres.stop();
        try {
            // The service says so (503, try later) rather than failing or answering from nothing.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> schoolsStatus() == 503);
            enrollments(school, 10).forEach(e -> sendEvent(Topics.ENROLLMENT_EVENTS, e.recorded()));
            // Redelivered as they were (same event ids), and one earlier record withdrawn.
            sentBefore.subList(0, 3).forEach(event -> sendEvent(Topics.ENROLLMENT_EVENTS, event));
            Enrollment withdrawn = before.get(4);
            withdrawn.version = 2;
            sendEvent(Topics.ENROLLMENT_EVENTS, withdrawn.withdrawn());
            // The outage lasts while the consumer polls them and retries: still 503 after two seconds.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> schoolsStatus() == 503);
        } finally {
            postgres.start();
        }

        awaitSchoolActual(school, 19);
        awaitConsumed(Topics.ENROLLMENT_EVENTS);
        assertEquals(19, schoolActual(school), "10 + 10 recorded, 1 withdrawn, 3 redelivered counted once");
    }

    private static List<Enrollment> enrollments(String school, int count) {
        List<Enrollment> enrollments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            enrollments.add(new Enrollment(school, HANGZHOU, YEAR));
        }
        return enrollments;
    }

    private static int schoolsStatus() {
        return given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", YEAR)
                .when().get("/api/v1/progress/" + HANGZHOU + "/schools").then().extract().statusCode();
    }

    private static int schoolActual(String school) {
        Integer actual = given().auth().oauth2(TestTokens.city(HANGZHOU)).queryParam("year", YEAR)
                .when().get("/api/v1/progress/" + HANGZHOU + "/schools")
                .then().statusCode(200).extract().jsonPath().get("schools.find { it.schoolCode == '" + school + "' }.actual");
        return actual == null ? 0 : actual;
    }

    private static void awaitSchoolActual(String school, int expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(expected, schoolActual(school)));
    }
}
