package org.techschools.registration.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * Each duplicate check (查重规则), positive and negative, end to end: enrollment events go onto the real
 * enrollment-events topic, alerts are read back from the alert API.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class DuplicateChecksTest {

    @Test
    void fullTimeAtTwoSchoolsIsADoubleRegistration() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).inCity("330200");
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());

        List<Map<String, Object>> alerts = Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1);
        Map<String, Object> alert = alerts.get(0);
        assertThat(alert.get("severity"), equalTo("HIGH"));
        assertThat(alert.get("status"), equalTo("OPEN"));
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(a.schoolCode + "/" + a.sourceRecordId,
                b.schoolCode + "/" + b.sourceRecordId));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) alert.get("records");
        records.forEach(r -> assertThat(r.get("idNumberMasked"), equalTo("3301**************")));
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
        assertThat(evidence.get("personKey"), equalTo("same"));
        assertThat(evidence.get("studyModes"), equalTo(List.of("FULL_TIME", "FULL_TIME")));
        assertThat((List<?>) evidence.get("schools"), containsInAnyOrder(a.schoolCode, b.schoolCode));
        // The other school's records are named by the same single alert.
        assertThat(Alerts.ofSchool(b.schoolCode, "DOUBLE_REGISTRATION"), hasSize(1));
    }

    /**
     * The consumer applies a polled batch in one transaction: a person's second record must see the first one of
     * the same batch. Both records of 20 people are published together, so many pairs share a batch.
     */
    @Test
    void doubleRegistrationsWithinOneBatchAreEachFoundOnce() {
        String schoolA = TestEvents.schoolCode();
        String schoolB = TestEvents.schoolCode();
        List<Map.Entry<String, String>> events = new ArrayList<>();
        Set<List<String>> pairs = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String person = TestEvents.personKey();
            Enrollment a = Enrollment.of(person, schoolA);
            Enrollment b = Enrollment.of(person, schoolB);
            events.add(Map.entry(person, a.recorded()));
            events.add(Map.entry(person, b.recorded()));
            pairs.add(Stream.of(schoolA + "/" + a.sourceRecordId, schoolB + "/" + b.sourceRecordId).sorted().toList());
        }
        TestEvents.sendAll(TestEvents.ENROLLMENT_EVENTS, events);

        List<Map<String, Object>> alerts = Alerts.awaitCount(schoolA, "DOUBLE_REGISTRATION", 20);
        assertThat(alerts.stream().map(Alerts::recordKeys).collect(Collectors.toSet()), equalTo(pairs));
        assertThat(Alerts.ofSchool(schoolA).size(), equalTo(20));
    }

    /**
     * A record and its correction sent together, as they often share a polled batch: the correction changes the 学籍
     * its record created in the same transaction (the consumer looks up once per batch which records are registered).
     */
    @Test
    void aRecordAndItsCorrectionWithinOneBatchStayOneRegistration() {
        String schoolA = TestEvents.schoolCode();
        String schoolB = TestEvents.schoolCode();
        List<Map.Entry<String, String>> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String person = TestEvents.personKey();
            Enrollment corrected = Enrollment.of(person, schoolA);
            events.add(Map.entry(person, corrected.recorded()));
            corrected.version = 2;
            events.add(Map.entry(person, corrected.partTime().recorded()));
            events.add(Map.entry(person, Enrollment.of(person, schoolB).recorded()));
        }
        TestEvents.sendAll(TestEvents.ENROLLMENT_EVENTS, events);

        // Corrected to part-time before the full-time record at school B arrived: an overlap, no double registration.
        Alerts.awaitCount(schoolA, "MIXED_MODE_OVERLAP", 10);
        assertThat(Alerts.ofSchool(schoolA, "DOUBLE_REGISTRATION"), empty());
        assertThat(Alerts.ofSchool(schoolA).size(), equalTo(10));
    }

    /**
     * A correction of the ID number gives a record another person key: that person's record at another school, sent
     * right after the correction (so mostly in its polled batch), must find the corrected 学籍, though the person held
     * none when the batch began.
     */
    @Test
    void aRecordCorrectedToAnotherPersonIsFoundByThatPersonsRecordInTheSameBatch() {
        String schoolA = TestEvents.schoolCode();
        String schoolB = TestEvents.schoolCode();
        List<Map.Entry<String, String>> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String mistyped = TestEvents.personKey();
            String person = TestEvents.personKey();
            Enrollment atB = Enrollment.of(person, schoolB);
            Enrollment atA = Enrollment.of(mistyped, schoolA);
            events.add(Map.entry(mistyped, atA.recorded()));
            atA.personKey = person;
            atA.version = 2;
            events.add(Map.entry(person, atA.born(atB.birthDate).named(atB.name).recorded()));
            events.add(Map.entry(person, atB.recorded()));
        }
        TestEvents.sendAll(TestEvents.ENROLLMENT_EVENTS, events);

        Alerts.awaitCount(schoolA, "DOUBLE_REGISTRATION", 10);
        assertThat(Alerts.ofSchool(schoolB, "DOUBLE_REGISTRATION"), hasSize(10));
        assertThat(Alerts.ofSchool(schoolA).size(), equalTo(10));
    }

    @Test
    void withdrawnThenEnrolledElsewhereIsNoDuplicate() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, a.withdrawn());
        sendEnrollmentEvent(person, b.recorded());

        Alerts.awaitChecked(b, 1);
        assertThat(Alerts.ofSchool(a.schoolCode), empty());
        assertThat(Alerts.ofSchool(b.schoolCode), empty());
        assertThat(TestEvents.checkResultsOf(b).get(0).path("checkStatus").asText(), equalTo("CLEAN"));
    }

    @Test
    void samePersonTwiceAtOneSchoolIsADuplicateSubmission() {
        String person = TestEvents.personKey();
        String school = TestEvents.schoolCode();
        Enrollment first = Enrollment.of(person, school);
        Enrollment second = Enrollment.of(person, school);
        sendEnrollmentEvent(person, first.recorded());
        sendEnrollmentEvent(person, second.recorded());

        Map<String, Object> alert = Alerts.awaitCount(school, "DUPLICATE_SUBMISSION", 1).get(0);
        assertThat(alert.get("severity"), equalTo("LOW"));
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(school + "/" + first.sourceRecordId,
                school + "/" + second.sourceRecordId));
        // One school is no double registration.
        assertThat(Alerts.ofSchool(school, "DOUBLE_REGISTRATION"), empty());
    }

    @Test
    void twoPersonsAtOneSchoolAreNoDuplicateSubmission() {
        String school = TestEvents.schoolCode();
        Enrollment one = Enrollment.of(TestEvents.personKey(), school);
        Enrollment other = Enrollment.of(TestEvents.personKey(), school);
        sendEnrollmentEvent(one.personKey, one.recorded());
        sendEnrollmentEvent(other.personKey, other.recorded());

        Alerts.awaitChecked(one, 1);
        Alerts.awaitChecked(other, 1);
        assertThat(Alerts.ofSchool(school), empty());
    }

    @Test
    void fullTimeAndPartTimeIsAMixedModeOverlapNotADoubleRegistration() {
        String person = TestEvents.personKey();
        Enrollment fullTime = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment partTime = Enrollment.of(person, TestEvents.schoolCode()).partTime();
        sendEnrollmentEvent(person, fullTime.recorded());
        sendEnrollmentEvent(person, partTime.recorded());

        Map<String, Object> alert = Alerts.awaitCount(fullTime.schoolCode, "MIXED_MODE_OVERLAP", 1).get(0);
        assertThat(alert.get("severity"), equalTo("MEDIUM"));
        assertThat(Alerts.recordKeys(alert), hasSize(2));
        assertThat(Alerts.ofSchool(fullTime.schoolCode, "DOUBLE_REGISTRATION"), empty());
    }

    @Test
    void twoPartTimeStintsAtTwoSchoolsRaiseNothing() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).partTime();
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).partTime();
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());

        Alerts.awaitChecked(b, 1);
        assertThat(Alerts.ofSchool(a.schoolCode), empty());
        assertThat(TestEvents.checkResultsOf(b).get(0).path("checkStatus").asText(), equalTo("CLEAN"));
    }

    @Test
    void oneIdNumberUnderTwoNamesIsAnIdentityConflict() {
        String person = TestEvents.personKey();
        // Part-time at two schools: no other check fires, so the identity conflict stands alone.
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).partTime().named("张三");
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).partTime().named("李四");
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());

        Map<String, Object> alert = Alerts.awaitCount(a.schoolCode, "IDENTITY_CONFLICT", 1).get(0);
        assertThat(alert.get("severity"), equalTo("HIGH"));
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
        assertThat(evidence.get("name"), equalTo("different"));
        assertThat(evidence.get("gender"), equalTo("same"));
        assertThat(Alerts.ofSchool(a.schoolCode).stream().map(x -> x.get("type")).toList(), contains("IDENTITY_CONFLICT"));
    }

    @Test
    void sameNameAndGenderIsNoIdentityConflict() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).partTime().named("王 五");
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).partTime().named("王五");
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());

        Alerts.awaitChecked(b, 1);
        assertThat(Alerts.ofSchool(a.schoolCode, "IDENTITY_CONFLICT"), empty());
    }

    @Test
    void twoDifferentPersonsAtTwoSchoolsRaiseNothing() {
        Enrollment a = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        Enrollment b = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        sendEnrollmentEvent(a.personKey, a.recorded());
        sendEnrollmentEvent(b.personKey, b.recorded());

        Alerts.awaitChecked(a, 1);
        Alerts.awaitChecked(b, 1);
        assertThat(Alerts.ofSchool(a.schoolCode), empty());
        assertThat(Alerts.ofSchool(b.schoolCode), empty());
    }
}
