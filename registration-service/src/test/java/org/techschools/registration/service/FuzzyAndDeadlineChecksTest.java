package org.techschools.registration.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.domain.Registration;
import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * PROBABLE_DUPLICATE (different ID, same birth date and gender, near-equal name) and LATE_REGISTRATION (after
 * the province's deadline), positive and negative, end to end over the real topics.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class FuzzyAndDeadlineChecksTest {

    /** Birth dates outside the generated range of the test support (1990–2009): only these tests' people share them. */
    private static LocalDate uniqueBirthDate() {
        return LocalDate.of(1960, 1, 1).plusDays(Long.parseLong(TestEvents.suffix(), 36) % 3650);
    }

    @Test
    void traditionalAndSimplifiedNamesUnderTwoIdNumbersAreAProbableDuplicate() {
        LocalDate born = uniqueBirthDate();
        Enrollment a = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("张伟");
        Enrollment b = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("張偉").inCity("330200");
        sendEnrollmentEvent(a.personKey, a.recorded());
        Alerts.awaitChecked(a, 1);
        sendEnrollmentEvent(b.personKey, b.recorded());

        Map<String, Object> alert = Alerts.awaitCount(a.schoolCode, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(alert.get("severity"), equalTo("MEDIUM"));
        assertThat(((Number) alert.get("score")).doubleValue(), closeTo(0.95, 1e-6));
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(a.schoolCode + "/" + a.sourceRecordId,
                b.schoolCode + "/" + b.sourceRecordId));
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
        assertThat(evidence.get("birthDate"), equalTo("equal"));
        assertThat(evidence.get("gender"), equalTo("equal"));
        assertThat(evidence.get("personKey"), equalTo("different"));
        @SuppressWarnings("unchecked")
        Map<String, Object> name = (Map<String, Object>) evidence.get("name");
        assertThat(name.get("match"), equalTo("traditional-simplified"));
        assertThat(List.of(name.get("a"), name.get("b")), containsInAnyOrder("张伟", "張偉"));
        // The first record is flagged too, and a replay raises nothing new.
        Alerts.awaitChecked(a, 2);
        sendEnrollmentEvent(b.personKey, b.recorded());
        Alerts.awaitChecked(b, 2);
        assertThat(Alerts.ofSchool(b.schoolCode, "PROBABLE_DUPLICATE"), hasSize(1));
    }

    @Test
    void homophonesAndMiddleDotsAtOneSchoolAreProbableDuplicates() {
        LocalDate born = uniqueBirthDate();
        String school = TestEvents.schoolCode();
        Enrollment a = Enrollment.of(TestEvents.personKey(), school).born(born).gender("FEMALE").named("陈静");
        Enrollment b = Enrollment.of(TestEvents.personKey(), school).born(born).gender("FEMALE").named("程金");
        sendEnrollmentEvent(a.personKey, a.recorded());
        Alerts.awaitChecked(a, 1);
        sendEnrollmentEvent(b.personKey, b.recorded());
        Map<String, Object> alert = Alerts.awaitCount(school, "PROBABLE_DUPLICATE", 1).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> name = (Map<String, Object>) ((Map<String, Object>) alert.get("evidence")).get("name");
        assertThat(name.get("match"), equalTo("fuzzy-pinyin"));

        LocalDate born2 = uniqueBirthDate();
        Enrollment c = Enrollment.of(TestEvents.personKey(), school).born(born2).named("买买提·艾力");
        Enrollment d = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born2).named("买买提 艾力");
        sendEnrollmentEvent(c.personKey, c.recorded());
        Alerts.awaitChecked(c, 1);
        sendEnrollmentEvent(d.personKey, d.recorded());
        Map<String, Object> spaced = Alerts.awaitCount(d.schoolCode, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(((Number) spaced.get("score")).doubleValue(), closeTo(0.98, 1e-6));
    }

    /**
     * The check looks up only the 学籍 sharing a lookalike key with the checked one (lookalike_keys, V4); one stored
     * before that column has none and must still be compared.
     */
    @Test
    void aRegistrationStoredWithoutLookalikeKeysIsStillCompared() {
        LocalDate born = uniqueBirthDate();
        String school = TestEvents.schoolCode();
        Enrollment a = Enrollment.of(TestEvents.personKey(), school).born(born).named("陈静");
        Enrollment b = Enrollment.of(TestEvents.personKey(), school).born(born).named("程金");
        sendEnrollmentEvent(a.personKey, a.recorded());
        Alerts.awaitChecked(a, 1);
        int cleared = QuarkusTransaction.requiringNew().call(
                () -> Registration.update("lookalikeKeys = null where enrollmentId = ?1", a.enrollmentId));
        assertThat(cleared, equalTo(1));
        sendEnrollmentEvent(b.personKey, b.recorded());
        Map<String, Object> alert = Alerts.awaitCount(school, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(school + "/" + a.sourceRecordId, school + "/" + b.sourceRecordId));
    }

    /**
     * Several consumers check at once, and two lookalikes (different personKeys) usually sit on partitions of
     * different consumers: published together, each pair must still raise its one alert — neither check may miss the
     * other's 学籍 because both were uncommitted at the time.
     */
    @Test
    void lookalikesArrivingTogetherOnDifferentPartitionsAreEachOneProbableDuplicate() {
        String school = TestEvents.schoolCode();
        // A name and birth dates (the 1940s) no other test uses, so only this test's pairs can match each other.
        String givenNames = "相宇明远思博文涛";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String name = "司马" + givenNames.charAt(random.nextInt(givenNames.length())) + givenNames.charAt(random.nextInt(givenNames.length()));
        LocalDate firstBirthDate = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(3000));
        int pairs = 60;
        List<Enrollment> people = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            LocalDate born = firstBirthDate.plusDays(i);
            people.add(Enrollment.of(TestEvents.personKey(), school).born(born).named(name));
            people.add(Enrollment.of(TestEvents.personKey(), school).born(born).named(name));
        }
        TestEvents.sendAll(TestEvents.ENROLLMENT_EVENTS, people.stream().map(e -> Map.entry(e.personKey, e.recorded())).toList());

        List<Map<String, Object>> alerts = Alerts.awaitCount(school, "PROBABLE_DUPLICATE", pairs);
        Alerts.awaitAllChecked(people);
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            expected.add(Stream.of(people.get(2 * i), people.get(2 * i + 1))
                    .map(e -> school + "/" + e.sourceRecordId).sorted().toList());
        }
        assertThat(alerts.stream().map(Alerts::recordKeys).toList(), containsInAnyOrder(expected.toArray()));
        assertThat(Alerts.ofSchool(school), hasSize(pairs));
    }

    @Test
    void twinsWithDifferentNamesAreNoDuplicate() {
        LocalDate born = uniqueBirthDate();
        String school = TestEvents.schoolCode();
        Enrollment a = Enrollment.of(TestEvents.personKey(), school).born(born).named("李明");
        Enrollment b = Enrollment.of(TestEvents.personKey(), school).born(born).named("李亮");
        sendEnrollmentEvent(a.personKey, a.recorded());
        Alerts.awaitChecked(a, 1);
        sendEnrollmentEvent(b.personKey, b.recorded());
        Alerts.awaitChecked(b, 1);
        assertThat(Alerts.ofSchool(school), empty());
    }

    @Test
    void sameNameButDifferentGenderOrEndedRegistrationIsNoDuplicate() {
        LocalDate born = uniqueBirthDate();
        Enrollment a = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("王芳");
        Enrollment b = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("王芳").gender("FEMALE");
        Enrollment c = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("王芳");
        sendEnrollmentEvent(a.personKey, a.recorded());
        sendEnrollmentEvent(a.personKey, a.withdrawn());
        // People are on different partitions: wait until the withdrawal is applied before the lookalikes arrive.
        Alerts.awaitChecked(a, 2);
        sendEnrollmentEvent(b.personKey, b.recorded());
        sendEnrollmentEvent(c.personKey, c.recorded());
        Alerts.awaitChecked(b, 1);
        Alerts.awaitChecked(c, 1);
        assertThat(Alerts.ofSchool(a.schoolCode), empty());
        assertThat(Alerts.ofSchool(b.schoolCode), empty());
        assertThat(Alerts.ofSchool(c.schoolCode), empty());
    }

    @Test
    void registeringAfterTheProvinceDeadlineIsLate() {
        // Autumn 2025 intake in Zhejiang: deadline 31 October 2025; pushed on 3 November (China time).
        Enrollment late = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode())
                .recordedAt(Instant.parse("2025-11-03T01:00:00Z"));
        sendEnrollmentEvent(late.personKey, late.recorded());
        Map<String, Object> alert = Alerts.awaitCount(late.schoolCode, "LATE_REGISTRATION", 1).get(0);
        assertThat(alert.get("severity"), equalTo("LOW"));
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(late.schoolCode + "/" + late.sourceRecordId));
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
        assertThat(evidence.get("deadline"), equalTo("2025-10-31"));
        assertThat(evidence.get("registeredOn"), equalTo("2025-11-03"));
        assertThat(evidence.get("daysLate"), equalTo(3));

        // A correction (new version, later recordedAt) is no new registration and raises nothing more.
        late.version = 2;
        late.recordedAt = Instant.parse("2025-12-01T01:00:00Z");
        sendEnrollmentEvent(late.personKey, late.recorded());
        Alerts.awaitChecked(late, 2);
        assertThat(Alerts.ofSchool(late.schoolCode, "LATE_REGISTRATION"), hasSize(1));
    }

    @Test
    void registeringOnTheDeadlineDayInChinaIsOnTimeAndSpringUsesItsOwnDeadline() {
        // 31 October 23:30 in Beijing is 15:30 UTC: still on time.
        Enrollment onTime = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode())
                .recordedAt(Instant.parse("2025-10-31T15:30:00Z"));
        // Spring 2026 intake in another province (default deadline 31 March), pushed in March.
        Enrollment spring = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).inCity("320100")
                .intake(2026, "SPRING", "2026-03-01").recordedAt(Instant.parse("2026-03-20T02:00:00Z"));
        sendEnrollmentEvent(onTime.personKey, onTime.recorded());
        sendEnrollmentEvent(spring.personKey, spring.recorded());
        Alerts.awaitChecked(onTime, 1);
        Alerts.awaitChecked(spring, 1);
        assertThat(Alerts.ofSchool(onTime.schoolCode), empty());
        assertThat(Alerts.ofSchool(spring.schoolCode), empty());

        Enrollment lateSpring = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).inCity("320100")
                .intake(2026, "SPRING", "2026-03-01").recordedAt(Instant.parse("2026-04-02T02:00:00Z"));
        sendEnrollmentEvent(lateSpring.personKey, lateSpring.recorded());
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) Alerts.awaitCount(lateSpring.schoolCode, "LATE_REGISTRATION", 1)
                .get(0).get("evidence");
        assertThat(evidence.get("deadline"), equalTo("2026-03-31"));
    }
}
