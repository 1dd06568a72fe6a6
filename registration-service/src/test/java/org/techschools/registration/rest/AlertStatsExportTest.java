package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** Alert counts per type, city and school, and the CSV export, both with the list's filters and the caller's scope. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class AlertStatsExportTest {

    private Enrollment a;
    private Enrollment b;

    /** A double registration between a school in a city of its own and a school in Ningbo. */
    @BeforeEach
    void doubleRegistration() {
        String person = TestEvents.personKey();
        a = Enrollment.of(person, TestEvents.schoolCode()).inCity("331100");
        b = Enrollment.of(person, TestEvents.schoolCode()).inCity("330200");
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1);
    }

    private static List<Map<String, Object>> groups(String token, String groupBy, String school) {
        var request = given().auth().oauth2(token).queryParam("groupBy", groupBy);
        if (school != null) {
            request.queryParam("school", school);
        }
        return request.when().get("/api/v1/alerts/stats").then().statusCode(200)
                .body("groupBy", equalTo(groupBy)).extract().jsonPath().getList("groups");
    }

    @Test
    void countsPerTypeCityAndSchoolHonourFiltersAndScope() {
        List<Map<String, Object>> byType = groups(TestTokens.auditor(), "type", a.schoolCode);
        assertThat(byType, hasSize(1));
        assertThat(byType.get(0).get("key"), equalTo("DOUBLE_REGISTRATION"));
        assertThat(byType.get(0).get("count"), equalTo(1));
        assertThat(byType.get(0).get("open"), equalTo(1));

        List<String> cities = groups(TestTokens.auditor(), "city", a.schoolCode).stream().map(g -> (String) g.get("key")).toList();
        assertThat(cities, hasItem("331100"));
        assertThat(cities, hasItem("330200"));
        // A city office counts only its own records' groups.
        List<String> ownCity = groups(TestTokens.city("331100"), "city", null).stream().map(g -> (String) g.get("key")).toList();
        assertThat(ownCity, equalTo(List.of("331100")));
        List<Map<String, Object>> schools = groups(TestTokens.school(a.schoolCode), "school", null);
        assertThat(schools, hasSize(1));
        assertThat(schools.get(0).get("key"), equalTo(a.schoolCode));
        assertThat(groups(TestTokens.province("450000"), "type", null), hasSize(0));

        given().auth().oauth2(TestTokens.auditor()).queryParam("groupBy", "major").when().get("/api/v1/alerts/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/alerts/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void countsFollowAnAlertsMoveAtOnceThoughTheyAreKeptForASecond() {
        Map<String, Object> open = groups(TestTokens.auditor(), "status", a.schoolCode).get(0);
        assertThat(open.get("key"), equalTo("OPEN"));
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");
        given().auth().oauth2(TestTokens.auditor()).contentType("application/json")
                .body(Map.of("to", "INVESTIGATING", "note", "checking both rolls"))
                .when().post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(200);
        // Asked again at once, with the same filter: the kept counts were dropped by the move.
        List<Map<String, Object>> byStatus = groups(TestTokens.auditor(), "status", a.schoolCode);
        assertThat(byStatus, hasSize(1));
        assertThat(byStatus.get(0).get("key"), equalTo("INVESTIGATING"));
        assertThat(byStatus.get(0).get("open"), equalTo(1));
    }

    @Test
    void theExportHasALinePerNamedRecordWithMaskedIdsOnly() {
        String csv = given().auth().oauth2(TestTokens.auditor()).queryParam("school", a.schoolCode)
                .when().get("/api/v1/alerts/export.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0), startsWith("alertId,type,severity,status,raisedAt"));
        assertThat(lines, hasSize(3));
        assertThat(lines.get(1), containsString("DOUBLE_REGISTRATION"));
        assertThat(csv, containsString(a.schoolCode + "," + a.sourceRecordId + ",3301**************"));
        assertThat(csv, containsString(b.schoolCode + "," + b.sourceRecordId));

        String stranger = given().auth().oauth2(TestTokens.school(TestEvents.schoolCode())).when().get("/api/v1/alerts/export.csv")
                .then().statusCode(200).extract().asString();
        assertThat(stranger, not(containsString(a.schoolCode)));
        given().auth().oauth2(TestTokens.auditor()).queryParam("type", "TRIPLE").when().get("/api/v1/alerts/export.csv")
                .then().statusCode(400);
        given().when().get("/api/v1/alerts/export.csv").then().statusCode(401);
    }
}
