package org.techschools.registration.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.techschools.testinfra.TestTokens;

/**
 * Names as school systems type them (issue 22, item 8): 繁体 anywhere in the name, the separators of minority names and
 * compound surnames give PROBABLE_DUPLICATE under two ID numbers; namesakes (other birth date) and twins (same birth
 * date, other name) stay unflagged. Over the real topic, read back through the alerts API.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class IdentitySpellingsTest {

    /** Birth dates in the 1950s: no other test's people are born then. */
    private static LocalDate uniqueBirthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(Long.parseLong(TestEvents.suffix(), 36) % 3650);
    }

    @Test
    void traditionalSpellingsOfOneNameAreAProbableDuplicateAndNamesakesAndTwinsAreNot() {
        LocalDate born = uniqueBirthDate();
        String school = TestEvents.schoolCode();
        Enrollment simplified = Enrollment.of(TestEvents.personKey(), school).born(born).named("张伟");
        Enrollment traditional = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("張偉")
                .inCity("330200");
        // A namesake born another day, and a twin: same birth date and gender, another name and ID.
        Enrollment namesake = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born.plusDays(1)).named("张伟");
        Enrollment twin = Enrollment.of(TestEvents.personKey(), school).born(born).named("张强");
        for (Enrollment e : List.of(simplified, namesake, twin)) {
            sendEnrollmentEvent(e.personKey, e.recorded());
        }
        Alerts.awaitAllChecked(List.of(simplified, namesake, twin));
        sendEnrollmentEvent(traditional.personKey, traditional.recorded());

        Map<String, Object> alert = Alerts.awaitCount(traditional.schoolCode, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(school + "/" + simplified.sourceRecordId,
                traditional.schoolCode + "/" + traditional.sourceRecordId));
        assertThat(nameMatch(alert), equalTo("traditional-simplified"));
        assertThat(Alerts.ofSchool(namesake.schoolCode), empty());
        assertThat("the twin is named by no alert", Alerts.ofSchool(school), hasSize(1));
    }

    @Test
    void compoundSurnamesAndMinorityNameSeparatorsAsSchoolsTypeThem() {
        LocalDate born = uniqueBirthDate();
        Enrollment a = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).gender("FEMALE").named("欧阳娜娜");
        Enrollment b = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).gender("FEMALE").named("歐陽 娜娜");
        // Twins of one compound surname are two people: 欧阳明 and 欧阳亮 share surname, birth date and gender.
        Enrollment twin1 = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("欧阳明");
        Enrollment twin2 = Enrollment.of(TestEvents.personKey(), twin1.schoolCode).born(born).named("欧阳亮");
        LocalDate born2 = uniqueBirthDate();
        Enrollment dotted = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born2).named("阿依古丽．买买提");
        Enrollment hyphened = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born2).named("阿依古丽-买买提");
        for (Enrollment e : List.of(a, twin1, dotted)) {
            sendEnrollmentEvent(e.personKey, e.recorded());
        }
        Alerts.awaitAllChecked(List.of(a, twin1, dotted));
        for (Enrollment e : List.of(b, twin2, hyphened)) {
            sendEnrollmentEvent(e.personKey, e.recorded());
        }

        Map<String, Object> surname = Alerts.awaitCount(b.schoolCode, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(nameMatch(surname), equalTo("traditional-simplified"));
        Map<String, Object> minority = Alerts.awaitCount(hyphened.schoolCode, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(nameMatch(minority), equalTo("spacing"));
        assertThat(((Number) minority.get("score")).doubleValue(), closeTo(0.98, 1e-6));
        Alerts.awaitAllChecked(List.of(b, twin2, hyphened));
        assertThat(Alerts.ofSchool(twin1.schoolCode), empty());
    }

    /**
     * A 学籍 stored before V8 holds lookalike keys of the older folding, which a lookalike's keys may no longer meet; V8
     * clears the keys of every name the new folding reads differently, and the check still compares it, by its block.
     */
    @Test
    void v8ClearsKeysOfTheOlderFoldingAndTheCheckStillFindsTheLookalike() throws Exception {
        LocalDate born = uniqueBirthDate();
        Enrollment stored = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("買買提．艾力");
        sendEnrollmentEvent(stored.personKey, stored.recorded());
        Alerts.awaitChecked(stored, 1);
        QuarkusTransaction.requiringNew().run(() -> Registration.getEntityManager()
                .createNativeQuery("UPDATE registration SET lookalike_keys = '{1}' WHERE enrollment_id = ?1")
                .setParameter(1, stored.enrollmentId).executeUpdate());
        String v8;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V8__technician_level_and_name_folding.sql")) {
            v8 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rekey = v8.substring(v8.indexOf("UPDATE registration"));
        QuarkusTransaction.requiringNew().run(() -> Registration.getEntityManager().createNativeQuery(rekey).executeUpdate());
        Object keys = QuarkusTransaction.requiringNew().call(() -> Registration.getEntityManager()
                .createNativeQuery("SELECT lookalike_keys FROM registration WHERE enrollment_id = ?1")
                .setParameter(1, stored.enrollmentId).getSingleResult());
        assertThat(keys, nullValue());

        Enrollment pushed = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).born(born).named("买买提·艾力");
        sendEnrollmentEvent(pushed.personKey, pushed.recorded());
        Map<String, Object> alert = Alerts.awaitCount(pushed.schoolCode, "PROBABLE_DUPLICATE", 1).get(0);
        assertThat(nameMatch(alert), equalTo("traditional-simplified"));
    }

    @Test
    void aTechnicianRecordOfSchemaVersion3BecomesA学籍OfThatLevel() {
        Enrollment technician = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode()).level("TECHNICIAN");
        sendEnrollmentEvent(technician.personKey, technician.recorded());
        String id = Alerts.registrationId(technician);
        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/registrations/{id}", id).then().statusCode(200)
                .body("classLevel", equalTo("TECHNICIAN"));
    }

    @SuppressWarnings("unchecked")
    private static Object nameMatch(Map<String, Object> alert) {
        return ((Map<String, Object>) ((Map<String, Object>) alert.get("evidence")).get("name")).get("match");
    }
}
