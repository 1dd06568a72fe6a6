package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.Schools;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * 学籍异动 over the API: the state machine (409 naming the current status), lifecycle resolution of alerts,
 * transfers decided by the province with their age, RegistrationChanged on every change.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class LifecycleChangesTest {

    private static ValidatableResponse change(String token, String registrationId, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/registrations/" + registrationId + "/changes").then();
    }

    private static List<String> changesOf(String person) {
        return TestEvents.registrationEventsOf(person).stream()
                .filter(m -> "RegistrationChanged".equals(m.path("eventType").asText()))
                .map(m -> m.path("payload").path("changeType").asText() + ":" + m.path("payload").path("status").asText())
                .toList();
    }

    @Test
    void suspendResumeGraduateFollowTheStateMachineAndIllegalChangesAre409() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        sendEnrollmentEvent(e.personKey, e.recorded());
        String id = Alerts.registrationId(e);
        String school = TestTokens.school(e.schoolCode);

        change(school, id, "{\"type\":\"RESUME\"}").statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("ACTIVE")).body("errors[0].field", equalTo("type"))
                .body("errors[0].rule", equalTo("illegal-change"));
        change(school, id, "{\"type\":\"SUSPEND\",\"effectiveOn\":\"2025-11-01\",\"reason\":\"illness\"}").statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        change(school, id, "{\"type\":\"SUSPEND\"}").statusCode(409).body("detail", containsString("SUSPENDED"));
        change(school, id, "{\"type\":\"RESUME\",\"effectiveOn\":\"2026-03-01\"}").statusCode(200).body("status", equalTo("ACTIVE"));
        change(TestTokens.province("330000"), id, "{\"type\":\"GRADUATE\",\"effectiveOn\":\"2028-06-30\"}").statusCode(200)
                .body("status", equalTo("GRADUATED"));
        change(school, id, "{\"type\":\"WITHDRAW\"}").statusCode(409).body("detail", containsString("GRADUATED"));

        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> changesOf(e.personKey).size() >= 4);
        assertThat(changesOf(e.personKey), hasItems("REGISTER:ACTIVE", "SUSPEND:SUSPENDED", "RESUME:ACTIVE", "GRADUATE:GRADUATED"));
    }

    @Test
    void badRequestsNameTheFieldAndOthersSeeNothing() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        sendEnrollmentEvent(e.personKey, e.recorded());
        String id = Alerts.registrationId(e);
        String school = TestTokens.school(e.schoolCode);
        change(school, id, "{\"type\":\"EXPEL\"}").statusCode(400).body("errors[0].field", equalTo("type"));
        change(school, id, "{\"type\":\"SUSPEND\",\"effectiveOn\":\"soon\"}").statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        change(school, id, "{\"type\":\"TRANSFER\"}").statusCode(400).body("errors[0].field", equalTo("toSchoolCode"));
        change(TestTokens.school(TestEvents.schoolCode()), id, "{\"type\":\"SUSPEND\"}").statusCode(404);
        change(TestTokens.province("320000"), id, "{\"type\":\"SUSPEND\"}").statusCode(404);
        change(TestTokens.city("330100"), id, "{\"type\":\"SUSPEND\"}").statusCode(403);
        change(TestTokens.auditor(), id, "{\"type\":\"SUSPEND\"}").statusCode(403);
    }

    @Test
    void withdrawingOverTheApiResolvesTheOpenAlertByTheLifecycle() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");

        change(TestTokens.school(a.schoolCode), Alerts.registrationId(a), "{\"type\":\"WITHDRAW\",\"reason\":\"left\"}")
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(Alerts.detail(alertId).getString("status"), equalTo("RESOLVED"));
        assertThat(Alerts.detail(alertId).getString("resolutionReason"), equalTo("RESOLVED_BY_LIFECYCLE"));
        assertThat(Alerts.detail(alertId).getString("transitions[-1].note"), containsString("left"));
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> changesOf(person).contains("WITHDRAW:WITHDRAWN"));
    }

    @Test
    void aTransferWaitsForTheProvinceAndApprovalTransfersTheRegistrationOut() {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode());
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode());
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");
        String id = Alerts.registrationId(a);
        String school = TestTokens.school(a.schoolCode);
        Schools.upsert(b.schoolCode, "330100", Schools.qualifiedNow(), List.of("0101"));

        String transferId = change(school, id, "{\"type\":\"TRANSFER\",\"toSchoolCode\":\"" + b.schoolCode
                + "\",\"effectiveOn\":\"2025-12-01\",\"reason\":\"family moved\"}")
                .statusCode(202).body("status", equalTo("PENDING")).body("toSchoolCode", equalTo(b.schoolCode))
                .extract().path("id");
        change(school, id, "{\"type\":\"TRANSFER\",\"toSchoolCode\":\"" + b.schoolCode + "\"}").statusCode(409)
                .body("errors[0].rule", equalTo("transfer-pending"));
        // The 学籍 stays ACTIVE while the request waits.
        given().auth().oauth2(school).when().get("/api/v1/registrations/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));

        List<Map<String, Object>> pending = given().auth().oauth2(TestTokens.province("330000")).queryParam("status", "PENDING")
                .when().get("/api/v1/transfers").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> mine = pending.stream().filter(t -> transferId.equals(t.get("id"))).findFirst().orElseThrow();
        assertThat((String) mine.get("age"), containsString("PT"));
        assertThat(((Number) mine.get("ageDays")).intValue(), greaterThanOrEqualTo(0));
        assertThat(given().auth().oauth2(TestTokens.province("320000")).when().get("/api/v1/transfers").then().statusCode(200)
                .extract().jsonPath().getList("items.id"), not(hasItem(transferId)));

        given().auth().oauth2(school).contentType("application/json").body("{\"approve\":true}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().statusCode(403);
        // Approved once the receiving school's event reached the directory projection (before, it is an unknown school).
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                .oauth2(TestTokens.province("330000")).contentType("application/json").body("{\"approve\":true,\"note\":\"ok\"}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().extract().statusCode() == 200);
        given().auth().oauth2(TestTokens.province("330000")).queryParam("status", "APPROVED").when().get("/api/v1/transfers")
                .then().statusCode(200).body("items.find { it.id == '" + transferId + "' }.decidedBy", equalTo("province@330000"));
        given().auth().oauth2(TestTokens.province("330000")).contentType("application/json").body("{\"approve\":false}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().statusCode(409);
        given().auth().oauth2(school).when().get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("status", equalTo("TRANSFERRED_OUT"));
        // The person stays 在籍, now at the school of the other record: the double registration is still there.
        assertThat(Alerts.detail(alertId).getString("status"), equalTo("OPEN"));
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> changesOf(person).containsAll(List.of("TRANSFER:TRANSFERRED_OUT", "TRANSFER_IN:ACTIVE")));
    }

    @Test
    void transferRequestsComePageByPageOldestFirst() {
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
            sendEnrollmentEvent(e.personKey, e.recorded());
            mine.add(change(TestTokens.province("330000"), Alerts.registrationId(e), "{\"type\":\"TRANSFER\",\"toSchoolCode\":\"OTHER2\"}")
                    .statusCode(202).extract().path("id"));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.province("330000")).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.when().get("/api/v1/transfers").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(page.getList("items").size(), lessThanOrEqualTo(1));
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen.stream().distinct().count(), equalTo((long) seen.size()));
        assertThat(seen.stream().filter(mine::contains).toList(), equalTo(mine));

        given().auth().oauth2(TestTokens.province("330000")).queryParam("limit", 501).when().get("/api/v1/transfers").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("limit")).body("errors[0].rule", equalTo("out-of-range"));
        given().auth().oauth2(TestTokens.province("330000")).queryParam("cursor", "nope!").when().get("/api/v1/transfers")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aRejectedTransferLeavesTheRegistrationActive() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        sendEnrollmentEvent(e.personKey, e.recorded());
        String id = Alerts.registrationId(e);
        String transferId = change(TestTokens.province("330000"), id, "{\"type\":\"TRANSFER\",\"toSchoolCode\":\"OTHER1\"}")
                .statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.province("330000")).contentType("application/json").body("{\"approve\":false,\"note\":\"no place\"}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("note", equalTo("no place"));
        given().auth().oauth2(TestTokens.school(e.schoolCode)).when().get("/api/v1/registrations/" + id).then()
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestTokens.province("330000")).contentType("application/json").body("{}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("approve"));
    }
}
