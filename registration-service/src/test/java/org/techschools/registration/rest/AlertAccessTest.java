package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.DoubleRegistration;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** Who sees which alert: tokens are required, and each office sees only alerts naming records in its scope. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AlertAccessTest {

    /** A city no other test enrolls in. */
    private static final String OTHER_CITY = "339900";

    private Enrollment a;
    private Enrollment b;
    private String alertId;

    /** A double registration between a school in Hangzhou (330100) and one in Ningbo (330200). */
    @BeforeEach
    void doubleRegistration() {
        DoubleRegistration pair = DoubleRegistration.between("330100", "330200");
        a = pair.a();
        b = pair.b();
        alertId = pair.alertId();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get("/api/v1/alerts").then().statusCode(401);
        given().when().get("/api/v1/alerts/" + alertId).then().statusCode(401);
        given().contentType("application/json").body("{\"to\":\"INVESTIGATING\"}")
                .when().post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(401);
    }

    @Test
    void aCityOfficeOfAnotherCitySeesNothingOfTheAlert() {
        assertThat(idsVisibleTo(TestTokens.city(OTHER_CITY)), empty());
        given().auth().oauth2(TestTokens.city(OTHER_CITY)).when().get("/api/v1/alerts/" + alertId).then().statusCode(404);
        // Either city of the pair sees it.
        assertThat(idsVisibleTo(TestTokens.city("330100")), hasItem(alertId));
        assertThat(idsVisibleTo(TestTokens.city("330200")), hasItem(alertId));
        assertThat(idsVisibleTo(TestTokens.province("330000")), hasItem(alertId));
        assertThat(idsVisibleTo(TestTokens.province("320000")), empty());
    }

    @Test
    void aSchoolSeesOnlyAlertsNamingItsRecords() {
        assertThat(idsVisibleTo(TestTokens.school(a.schoolCode)), contains(alertId));
        given().auth().oauth2(TestTokens.school(b.schoolCode)).when().get("/api/v1/alerts/" + alertId)
                .then().statusCode(200).body("id", equalTo(alertId));
        String stranger = TestEvents.schoolCode();
        assertThat(idsVisibleTo(TestTokens.school(stranger)), empty());
        given().auth().oauth2(TestTokens.school(stranger)).when().get("/api/v1/alerts/" + alertId).then().statusCode(404);
        // A school is shown no other school's code, not even the other side's of its own alerts (AlertSidesTest).
        List<String> schools = given().auth().oauth2(TestTokens.school(a.schoolCode)).when().get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.records.flatten().schoolCode");
        assertThat(schools, hasItem(a.schoolCode));
        assertThat(schools.stream().allMatch(s -> s == null || s.equals(a.schoolCode)), equalTo(true));
    }

    @Test
    void theDetailCarriesRecordsEvidenceAndHistory() {
        JsonPath detail = Alerts.detail(alertId);
        assertThat(detail.getList("records"), hasSize(2));
        assertThat(detail.getString("evidence.personKey"), equalTo("same"));
        assertThat(detail.getString("transitions[0].to"), equalTo("OPEN"));
        assertThat(detail.getString("transitions[0].action"), equalTo("RAISE"));
        assertThat(detail.getString("transitions[0].actor"), equalTo("system"));
        assertThat(detail.getString("raisedAt"), notNullValue());
    }

    @Test
    void invalidFiltersAnswer400NamingTheField() {
        for (String[] bad : new String[][] { { "type", "TRIPLE" }, { "status", "done" }, { "severity", "1" },
                { "from", "yesterday" }, { "limit", "501" }, { "limit", "x" }, { "cursor", "bm9wZQ" }, { "city", "3301" } }) {
            given().auth().oauth2(TestTokens.auditor()).queryParam(bad[0], bad[1])
                    .when().get("/api/v1/alerts")
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        String filterSchool = a.schoolCode;
        // a second alert on school A: a part-time stint of another person would not do; reuse the pair's school.
        Enrollment c = Enrollment.of(TestEvents.personKey(), filterSchool);
        Enrollment d = Enrollment.of(c.personKey, filterSchool);
        sendEnrollmentEvent(c.personKey, c.recorded());
        sendEnrollmentEvent(c.personKey, d.recorded());
        Alerts.awaitCount(filterSchool, "DUPLICATE_SUBMISSION", 1);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.auditor()).queryParam("school", filterSchool).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && seen.size() < 10);
        assertThat(seen, hasSize(2));
        assertThat(seen.stream().distinct().count(), equalTo(2L));
        given().auth().oauth2(TestTokens.auditor()).queryParam("school", filterSchool).queryParam("limit", 5)
                .when().get("/api/v1/alerts").then().statusCode(200).body("nextCursor", nullValue());
    }

    private static List<String> idsVisibleTo(String token) {
        return given().auth().oauth2(token).queryParam("limit", 500).when().get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
