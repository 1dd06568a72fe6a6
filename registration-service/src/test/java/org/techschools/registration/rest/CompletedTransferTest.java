package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.Schools;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 转学 completed: the province's approval ends the 学籍 at the old school and creates an ACTIVE one at the receiving
 * school (both on the rolls, announced as TRANSFER and TRANSFER_IN); a receiving school that is unknown, not qualified
 * this year or without the major is refused with 422 naming the rule, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class CompletedTransferTest {

    private static final String PROVINCE = TestTokens.province("330000");

    /** A 学籍 at a school of 330100 with a pending transfer to {@code toSchool}; returns the transfer's id. */
    private static String pendingTransfer(Enrollment e, String toSchool) {
        sendEnrollmentEvent(e.personKey, e.recorded());
        return given().auth().oauth2(TestTokens.school(e.schoolCode)).contentType("application/json")
                .body("{\"type\":\"TRANSFER\",\"toSchoolCode\":\"" + toSchool + "\",\"effectiveOn\":\"2026-03-01\"}")
                .when().post("/api/v1/registrations/" + Alerts.registrationId(e) + "/changes").then().statusCode(202)
                .extract().path("id");
    }

    private static ValidatableResponse decide(String token, String transferId, boolean approve) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"approve\":" + approve + ",\"note\":\"ok\"}")
                .when().post("/api/v1/transfers/" + transferId + "/decision").then();
    }

    private static JsonPath roll(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/api/v1/registrations").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The decision once the school's event reached the projection: until then the school is unknown (422 too). */
    private static void awaitRefusal(String transferId, String rule) {
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> rule.equals(
                decide(PROVINCE, transferId, true).statusCode(422).extract().path("errors[0].rule")));
    }

    @Test
    void anApprovedTransferEndsTheRegistrationAndCreatesItAtTheReceivingSchool() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        String to = TestEvents.schoolCode();
        Schools.upsert(to, "330200", Schools.qualifiedNow(), List.of("0101"));
        String transferId = pendingTransfer(e, to);
        String oldId = Alerts.registrationId(e);

        decide(TestTokens.school(e.schoolCode), transferId, true).statusCode(403);
        decide(TestTokens.city("330100"), transferId, true).statusCode(403);
        decide(TestTokens.province("320000"), transferId, true).statusCode(404);
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> decide(PROVINCE, transferId, true).extract().statusCode() == 200);

        // The old school's roll keeps the 学籍, ended and pointing at where it went.
        JsonPath old = roll(TestTokens.school(e.schoolCode), Map.of("sourceRecordId", e.sourceRecordId));
        assertThat(old.getList("items").size(), equalTo(1));
        assertThat(old.getString("items[0].id"), equalTo(oldId));
        assertThat(old.getString("items[0].status"), equalTo("TRANSFERRED_OUT"));
        assertThat(old.getString("items[0].transferredToSchoolCode"), equalTo(to));
        assertThat(old.getString("items[0].endedAt"), not(nullValue()));
        // The receiving school's roll has it ACTIVE, in its own city, from the same enrollment record.
        JsonPath moved = roll(TestTokens.school(to), Map.of("status", "ACTIVE"));
        assertThat(moved.getList("items").size(), equalTo(1));
        assertThat(moved.getString("items[0].schoolCode"), equalTo(to));
        assertThat(moved.getString("items[0].cityCode"), equalTo("330200"));
        assertThat(moved.getString("items[0].enrollmentId"), equalTo(e.enrollmentId.toString()));
        assertThat(moved.getString("items[0].sourceRecordId"), equalTo(e.sourceRecordId));
        assertThat(moved.getString("items[0].transferredFromSchoolCode"), equalTo(e.schoolCode));
        assertThat(moved.getString("items[0].name"), equalTo(e.name));
        String newId = moved.getString("items[0].id");
        assertThat(newId, not(equalTo(oldId)));
        given().auth().oauth2(TestTokens.school(to)).when().get("/api/v1/registrations/" + newId).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestTokens.school(e.schoolCode)).when().get("/api/v1/registrations/" + newId).then()
                .statusCode(404);
        // Each city sees its own side only.
        assertThat(roll(TestTokens.city("330100"), Map.of("schoolCode", to)).getList("items"), empty());
        assertThat(roll(TestTokens.city("330200"), Map.of("schoolCode", e.schoolCode)).getList("items"), empty());

        // Both changes are announced, as the contract describes them, the new 学籍 naming the school it came from.
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> changes(e).size() >= 3);
        List<JsonNode> changes = changes(e);
        assertThat(changes.stream().map(c -> c.path("payload").path("changeType").asText() + ":"
                + c.path("payload").path("status").asText()).toList(),
                equalTo(List.of("REGISTER:ACTIVE", "TRANSFER:TRANSFERRED_OUT", "TRANSFER_IN:ACTIVE")));
        JsonNode in = changes.get(2).path("payload");
        assertThat(in.path("registrationId").asText(), equalTo(newId));
        assertThat(in.path("schoolCode").asText(), equalTo(to));
        assertThat(in.path("fromSchoolCode").asText(), equalTo(e.schoolCode));
        assertThat(in.path("cityCode").asText(), equalTo("330200"));
        for (JsonNode change : changes) {
            assertThat(EventContracts.violations(change.toString(), "RegistrationChanged"), empty());
        }

        // A correction of the enrollment record reaches the 学籍 where the person is now, and leaves it there.
        e.version = 2;
        e.named("张晓明");
        sendEnrollmentEvent(e.personKey, e.recorded());
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> "张晓明".equals(
                roll(TestTokens.school(to), Map.of("sourceRecordId", e.sourceRecordId)).getString("items[0].name")));
        assertThat(roll(TestTokens.school(to), Map.of("status", "ACTIVE")).getString("items[0].schoolCode"), equalTo(to));
        assertThat(roll(TestTokens.school(e.schoolCode), Map.of("status", "ACTIVE")).getList("items"), empty());
        decide(PROVINCE, transferId, true).statusCode(409);
    }

    @Test
    void aReceivingSchoolThatIsUnknownUnqualifiedOrWithoutTheMajorIsRefusedAndNothingChanges() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        String unknown = TestEvents.schoolCode();
        String transferId = pendingTransfer(e, unknown);
        decide(PROVINCE, transferId, true).statusCode(422).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("toSchoolCode")).body("errors[0].rule", equalTo("unknown-school"))
                .body(not(containsString(unknown)));

        // The same school once in the directory, first qualified only for a past year, then without the major.
        Schools.upsert(unknown, "330100", List.of(2001), List.of("0101"));
        awaitRefusal(transferId, "school-not-qualified");
        Schools.upsert(unknown, "330100", Schools.qualifiedNow(), List.of("0202"));
        awaitRefusal(transferId, "major-not-filed");

        String id = Alerts.registrationId(e);
        given().auth().oauth2(TestTokens.school(e.schoolCode)).when().get("/api/v1/registrations/" + id).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(roll(PROVINCE, Map.of("schoolCode", unknown)).getList("items"), empty());
        assertThat(given().auth().oauth2(PROVINCE).when().get("/api/v1/transfers").then().statusCode(200).extract()
                .jsonPath().getList("items.id").contains(transferId), is(true));
        assertThat(changes(e).stream().map(c -> c.path("payload").path("changeType").asText()).toList(),
                equalTo(List.of("REGISTER")));

        // Filed at last: the approval goes through; rejecting a transfer never needs the receiving school.
        Schools.upsert(unknown, "330100", Schools.qualifiedNow(), List.of("0202", "0101"));
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> decide(PROVINCE, transferId, true).extract().statusCode() == 200);
        Enrollment other = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        decide(PROVINCE, pendingTransfer(other, TestEvents.schoolCode()), false).statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    private static List<JsonNode> changes(Enrollment e) {
        return TestEvents.registrationEventsOf(e.personKey).stream()
                .filter(m -> "RegistrationChanged".equals(m.path("eventType").asText())).toList();
    }
}
