package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Each reader sees its own side of an alert in full and the other side only as "another school, city X" until an
 * auditor shares the alert; names of the other side never reach schools or cities; a record withdrawn soon after
 * its alert is pointed out to auditors.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AlertSidesTest {

    /** A double registration between a school in Hangzhou (330100) and one in Ningbo (330200). */
    private static Enrollment[] doubleRegistration() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).inCity("330100");
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).inCity("330200");
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        return new Enrollment[] { a, b };
    }

    @Test
    void eachSchoolSeesItsOwnRecordInFullAndTheOtherAsAnotherSchoolOfACityUntilAnAuditorSharesTheAlert() {
        Enrollment[] pair = doubleRegistration();
        Enrollment a = pair[0];
        Enrollment b = pair[1];
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");

        for (String reader : List.of(TestTokens.school(a.schoolCode), TestTokens.city("330100"))) {
            JsonPath detail = detail(reader, alertId);
            assertOwnInFull(detail, a);
            assertOtherSideReduced(detail, "330200");
            assertThat(detail.getMap("evidence"), allOf(not(hasKey("schools")), not(hasKey("sourceRecordIds"))));
            assertThat(detail.getBoolean("evidence.otherSideWithheld"), equalTo(true));
            assertThat(detail.getString("evidence.personKey"), equalTo("same"));
            assertThat(detail.getString("sharedAt"), nullValue());
            // Nothing that names B anywhere: list, detail, CSV.
            for (String answer : List.of(list(reader), detail.prettify(), csv(reader))) {
                assertThat(answer, namesNothingOf(b));
            }
            // Nor does a filter on B's school tell that B is the other side.
            assertThat(given().auth().oauth2(reader).queryParam("school", b.schoolCode).when().get("/api/v1/alerts")
                    .then().statusCode(200).extract().jsonPath().getList("items"), empty());
        }
        // B's school sees the mirror image; the province holds both cities and sees both in full.
        assertOwnInFull(detail(TestTokens.school(b.schoolCode), alertId), b);
        assertOtherSideReduced(detail(TestTokens.school(b.schoolCode), alertId), "330100");
        assertThat(detail(TestTokens.province("330000"), alertId).getList("records.shown"), equalTo(List.of("FULL", "FULL")));

        // Only an auditor shares; then both schools see both records, and the history keeps who shared.
        given().auth().oauth2(TestTokens.school(a.schoolCode)).contentType("application/json").body("{}")
                .when().post("/api/v1/alerts/" + alertId + "/share").then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).contentType("application/json")
                .body("{\"note\":\"both schools must reconcile their rolls\"}")
                .when().post("/api/v1/alerts/" + alertId + "/share")
                .then().statusCode(200)
                .body("sharedAt", notNullValue())
                .body("transitions[-1].action", equalTo("SHARE"))
                .body("transitions[-1].actor", equalTo("auditor"))
                .body("transitions[-1].from", equalTo("OPEN"))
                .body("transitions[-1].to", equalTo("OPEN"))
                .body("transitions[-1].note", containsString("both schools must reconcile their rolls"));
        for (Enrollment reader : pair) {
            JsonPath detail = detail(TestTokens.school(reader.schoolCode), alertId);
            assertThat(detail.getList("records.shown"), equalTo(List.of("FULL", "FULL")));
            assertThat(detail.getList("records.schoolCode"), hasItem(a.schoolCode));
            assertThat(detail.getList("records.schoolCode"), hasItem(b.schoolCode));
            assertThat(detail.getList("evidence.schools"), hasItem(b.schoolCode));
            assertThat(csv(TestTokens.school(reader.schoolCode)), containsString(a.sourceRecordId));
            assertThat(csv(TestTokens.school(reader.schoolCode)), containsString(b.sourceRecordId));
        }
        // Sharing again adds no second step.
        given().auth().oauth2(TestTokens.auditor()).contentType("application/json").body("{}")
                .when().post("/api/v1/alerts/" + alertId + "/share").then().statusCode(200)
                .body("transitions.findAll { it.action == 'SHARE' }.size()", equalTo(1));
    }

    @Test
    void identityConflictNamesReachOnlyAuditorsAndProvincesHoldingBothRecords() {
        String person = TestEvents.personKey();
        Enrollment victim = Enrollment.of(person, TestEvents.schoolCode()).inCity("330200").named("王真名");
        Enrollment probe = Enrollment.of(person, TestEvents.schoolCode()).inCity("330100").named("赵假名");
        Enrollment elsewhere = Enrollment.of(person, TestEvents.schoolCode()).inCity("320100").named("钱别名");
        sendEnrollmentEvent(person, victim.recorded());
        sendEnrollmentEvent(person, probe.recorded());
        Alerts.awaitCount(probe.schoolCode, "IDENTITY_CONFLICT", 1);
        String alertId = (String) Alerts.ofSchool(probe.schoolCode, "IDENTITY_CONFLICT").get(0).get("id");

        // The probing school and its city read their own dummy name and nothing of the holder's.
        for (String reader : List.of(TestTokens.school(probe.schoolCode), TestTokens.city("330100"))) {
            JsonPath detail = detail(reader, alertId);
            assertThat(detail.getString("evidence.name"), equalTo("different"));
            assertThat(detail.getMap("evidence"), allOf(not(hasKey("names")), not(hasKey("genders"))));
            assertThat(detail.prettify(), containsString("赵假名"));
            for (String answer : List.of(list(reader), detail.prettify(), csv(reader))) {
                assertThat(answer, allOf(not(containsString("王真名")), namesNothingOf(victim)));
            }
        }
        // Auditors and the province holding both records see both names.
        for (String reader : List.of(TestTokens.auditor(), TestTokens.province("330000"))) {
            assertThat(detail(reader, alertId).getList("evidence.names"), allOf(hasItem("王真名"), hasItem("赵假名")));
        }

        // Across provinces, each province sees only its own side's name.
        sendEnrollmentEvent(person, elsewhere.recorded());
        Alerts.awaitCount(elsewhere.schoolCode, "IDENTITY_CONFLICT", 2);
        String crossId = Alerts.ofSchool(elsewhere.schoolCode, "IDENTITY_CONFLICT").stream()
                .filter(alert -> Alerts.recordKeys(alert).contains(victim.schoolCode + "/" + victim.sourceRecordId))
                .map(alert -> (String) alert.get("id")).findFirst().orElseThrow();
        String zhejiang = detail(TestTokens.province("330000"), crossId).prettify();
        assertThat(zhejiang, allOf(containsString("王真名"), not(containsString("钱别名"))));
        String jiangsu = detail(TestTokens.province("320000"), crossId).prettify();
        assertThat(jiangsu, allOf(containsString("钱别名"), not(containsString("王真名"))));
        assertThat(detail(TestTokens.auditor(), crossId).getList("evidence.names"), allOf(hasItem("王真名"), hasItem("钱别名")));
    }

    @Test
    void aRecordWithdrawnDaysAfterItsAlertStaysVisibleToAuditorsWithThatFactNoted() {
        String person = TestEvents.personKey();
        Enrollment holder = Enrollment.of(person, TestEvents.schoolCode()).inCity("330200").named("孙本人");
        Enrollment probe = Enrollment.of(person, TestEvents.schoolCode()).inCity("330100").named("周测试");
        sendEnrollmentEvent(person, holder.recorded());
        sendEnrollmentEvent(person, probe.recorded());
        Alerts.awaitCount(probe.schoolCode, "IDENTITY_CONFLICT", 1);
        String alertId = (String) Alerts.ofSchool(probe.schoolCode, "IDENTITY_CONFLICT").get(0).get("id");
        assertThat(detail(TestTokens.school(probe.schoolCode), alertId).prettify(), not(containsString("孙本人")));

        // The probing school withdraws its record once it has read the alert.
        sendEnrollmentEvent(person, probe.withdrawn());
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> "RESOLVED".equals(Alerts.detail(alertId).getString("status")));

        JsonPath audited = Alerts.detail(alertId);
        Map<String, Object> withdrawn = recordOf(audited, probe);
        @SuppressWarnings("unchecked")
        Map<String, Object> ended = (Map<String, Object>) withdrawn.get("endedSoonAfterAlert");
        assertThat(ended, notNullValue());
        assertThat(ended.get("status"), equalTo("WITHDRAWN"));
        assertThat((String) ended.get("note"), containsString("within 7 days"));
        assertThat(withdrawn.get("name"), equalTo("周测试"));
        assertThat(recordOf(audited, holder).get("endedSoonAfterAlert"), nullValue());
        // The auditor still finds it in the list, with the note; offices are not told.
        assertThat(list(TestTokens.auditor()), containsString("within 7 days"));
        assertThat(Alerts.ofSchool(probe.schoolCode, "IDENTITY_CONFLICT").get(0).get("id"), equalTo(alertId));
        assertThat(csv(TestTokens.auditor()), containsString("within 7 days"));
        for (String office : List.of(TestTokens.province("330000"), TestTokens.school(holder.schoolCode))) {
            assertThat(detail(office, alertId).prettify(), not(containsString("within 7 days")));
        }
    }

    private static void assertOwnInFull(JsonPath detail, Enrollment own) {
        Map<String, Object> record = detail.getMap("records[0]");
        assertThat(record.get("shown"), equalTo("FULL"));
        assertThat(record.get("schoolCode"), equalTo(own.schoolCode));
        assertThat(record.get("sourceRecordId"), equalTo(own.sourceRecordId));
        assertThat(record.get("enrollmentId"), equalTo(own.enrollmentId.toString()));
        assertThat(record.get("name"), equalTo(own.name));
        assertThat(record.get("idNumberMasked"), equalTo(own.idNumberMasked));
    }

    private static void assertOtherSideReduced(JsonPath detail, String city) {
        Map<String, Object> record = detail.getMap("records[1]");
        assertThat(record.get("shown"), equalTo("OTHER_SIDE"));
        assertThat(record.get("label"), equalTo("another school, city " + city));
        assertThat(record.get("cityCode"), equalTo(city));
        for (String field : List.of("schoolCode", "sourceRecordId", "enrollmentId", "name", "idNumberMasked")) {
            assertThat(field, record.get(field), nullValue());
        }
    }

    private static Matcher<String> namesNothingOf(Enrollment other) {
        return allOf(not(containsString(other.schoolCode)), not(containsString(other.sourceRecordId)),
                not(containsString(other.enrollmentId.toString())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordOf(JsonPath detail, Enrollment e) {
        return detail.getList("records", Map.class).stream().map(r -> (Map<String, Object>) r)
                .filter(r -> e.sourceRecordId.equals(r.get("sourceRecordId"))).findFirst().orElseThrow();
    }

    private static JsonPath detail(String token, String alertId) {
        return given().auth().oauth2(token).when().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private static String list(String token) {
        return given().auth().oauth2(token).queryParam("limit", 500).when().get("/api/v1/alerts")
                .then().statusCode(200).extract().asString();
    }

    private static String csv(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/alerts/export.csv").then().statusCode(200).extract().asString();
    }
}
