package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.techschools.commons.csv.Csv;
import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 学籍名册 over the API: each caller lists and searches the 学籍 of its own scope only (a school never another school's,
 * a city never another city's), filtered and paged, as JSON and CSV, with the ID number masked; bad parameters answer
 * 400 naming the field and rule without repeating the value.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationRollTest {

    /** Two schools of 330100 (A, B) and one of 330200 (C): A's students differ in mode, year and name. */
    private static final String A = TestEvents.schoolCode();
    private static final String B = TestEvents.schoolCode();
    private static final String C = TestEvents.schoolCode();
    private static final List<Enrollment> AT_A = new ArrayList<>();
    private static Enrollment atB;
    private static Enrollment atC;

    @BeforeAll
    static void enrol() {
        AT_A.add(Enrollment.of(TestEvents.personKey(), A).named("欧阳明"));
        AT_A.add(Enrollment.of(TestEvents.personKey(), A).named("欧阳丽").partTime());
        AT_A.add(Enrollment.of(TestEvents.personKey(), A).named("李强").intake(2024, "AUTUMN", "2024-09-01"));
        atB = Enrollment.of(TestEvents.personKey(), B).named("王芳");
        atC = Enrollment.of(TestEvents.personKey(), C).named("赵敏").inCity("330200");
        List<Enrollment> all = new ArrayList<>(AT_A);
        all.add(atB);
        all.add(atC);
        all.forEach(e -> sendEnrollmentEvent(e.personKey, e.recorded()));
        Alerts.awaitAllChecked(all);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static JsonPath roll(String token, Map<String, ?> query) {
        return as(token).queryParams(query).when().get("/api/v1/registrations").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
    }

    private static List<String> schoolsIn(JsonPath page) {
        return page.getList("items.schoolCode");
    }

    @Test
    void eachCallerSeesItsOwnScopeOnly() {
        JsonPath own = roll(TestTokens.school(A), Map.of());
        assertThat(schoolsIn(own), everyItem(equalTo(A)));
        assertThat(own.getList("items.sourceRecordId"),
                containsInAnyOrder(AT_A.stream().map(e -> e.sourceRecordId).toArray()));
        // Asking for another school's roll shows nothing of it.
        assertThat(roll(TestTokens.school(A), Map.of("schoolCode", B)).getList("items"), empty());

        List<String> city = schoolsIn(roll(TestTokens.city("330100"), Map.of("limit", 500)));
        assertThat(city, hasItems(A, B));
        assertThat(city, not(hasItem(C)));
        assertThat(schoolsIn(roll(TestTokens.city("330100"), Map.of("schoolCode", C))), empty());
        List<String> otherCity = schoolsIn(roll(TestTokens.city("330200"), Map.of("schoolCode", A)));
        assertThat(otherCity, empty());
        assertThat(schoolsIn(roll(TestTokens.city("330200"), Map.of("schoolCode", C))), equalTo(List.of(C)));

        assertThat(schoolsIn(roll(TestTokens.province("330000"), Map.of("schoolCode", C))), equalTo(List.of(C)));
        assertThat(schoolsIn(roll(TestTokens.province("320000"), Map.of("schoolCode", A))), empty());
        assertThat(schoolsIn(roll(TestTokens.national(), Map.of("schoolCode", B))), equalTo(List.of(B)));
        assertThat(schoolsIn(roll(TestTokens.token("auditor", null, "330200"), Map.of("schoolCode", A))), empty());
        assertThat(schoolsIn(roll(TestTokens.token("auditor", null, "330200"), Map.of("schoolCode", C))), equalTo(List.of(C)));
        as(TestTokens.token("public", null, null)).when().get("/api/v1/registrations").then().statusCode(403);
        given().when().get("/api/v1/registrations").then().statusCode(401);
    }

    @Test
    void filtersNarrowTheRollAndAnEnrollmentFindsItsRegistration() {
        String school = TestTokens.school(A);
        assertThat(roll(school, Map.of("studyMode", "PART_TIME")).getList("items.name"), equalTo(List.of("欧阳丽")));
        assertThat(roll(school, Map.of("intakeYear", 2024)).getList("items.name"), equalTo(List.of("李强")));
        assertThat(roll(school, Map.of("namePrefix", "欧阳")).getList("items.name"), containsInAnyOrder("欧阳明", "欧阳丽"));
        assertThat(roll(school, Map.of("namePrefix", "欧阳%")).getList("items"), empty());
        assertThat(roll(school, Map.of("status", "ACTIVE", "classLevel", "INTERMEDIATE")).getList("items").size(), equalTo(3));
        assertThat(roll(school, Map.of("status", "WITHDRAWN")).getList("items"), empty());
        assertThat(roll(school, Map.of("classLevel", "ADVANCED")).getList("items"), empty());

        // The 学籍 an enrollment record created: by the school's code and its own record id.
        Enrollment e = AT_A.get(0);
        JsonPath found = roll(TestTokens.province("330000"), Map.of("schoolCode", A, "sourceRecordId", e.sourceRecordId));
        assertThat(found.getList("items").size(), equalTo(1));
        assertThat(found.getString("items[0].enrollmentId"), equalTo(e.enrollmentId.toString()));
        assertThat(found.getString("items[0].id"), equalTo(Alerts.registrationId(e)));
        assertThat(found.getString("items[0].status"), equalTo("ACTIVE"));
        assertThat(found.getString("items[0].idNumberMasked"), equalTo("3301**************"));
        assertThat(found.getString("nextCursor"), nullValue());
        assertThat(roll(TestTokens.school(B), Map.of("sourceRecordId", e.sourceRecordId)).getList("items"), empty());
    }

    @Test
    void theRollComesPageByPageInRegistrationOrder() {
        List<String> seen = new ArrayList<>();
        List<String> registeredAt = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(TestTokens.school(A)).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/registrations").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items").size(), lessThanOrEqualTo(1));
            seen.addAll(page.getList("items.sourceRecordId"));
            registeredAt.addAll(page.getList("items.registeredAt"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen, containsInAnyOrder(AT_A.stream().map(e -> e.sourceRecordId).toArray()));
        assertThat(registeredAt, equalTo(registeredAt.stream().sorted(java.util.Comparator.comparing(java.time.Instant::parse))
                .toList()));
    }

    @Test
    void badParametersAre400NamingFieldAndRuleWithoutEchoingTheValue() {
        String body = as(TestTokens.school(A))
                .queryParam("status", "ZZBAD1").queryParam("classLevel", "ZZBAD2").queryParam("studyMode", "ZZBAD3")
                .queryParam("intakeYear", "ZZBAD4").queryParam("schoolCode", "ZZ BAD5!")
                .queryParam("namePrefix", "名".repeat(51))
                .when().get("/api/v1/registrations").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", containsInAnyOrder("status", "classLevel", "studyMode", "intakeYear", "schoolCode",
                        "namePrefix"))
                .body("errors.find { it.field == 'status' }.rule", equalTo("invalid-value"))
                .body("errors.find { it.field == 'namePrefix' }.rule", equalTo("too-long"))
                .extract().asString();
        assertThat(body.contains("ZZBAD"), is(false));
        assertThat(body.contains("ZZ BAD5"), is(false));
        as(TestTokens.school(A)).queryParam("limit", 501).when().get("/api/v1/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("limit")).body("errors[0].rule", equalTo("out-of-range"));
        as(TestTokens.school(A)).queryParam("limit", 0).when().get("/api/v1/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(TestTokens.school(A)).queryParam("cursor", "nope!").when().get("/api/v1/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor")).body("errors[0].rule", equalTo("cursor-format"));
        as(TestTokens.school(A)).queryParam("status", "ZZBAD").when().get("/api/v1/registrations/export.csv").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theCsvHoldsTheSameRollWithTheIdNumberMasked() {
        String csv = as(TestTokens.school(A)).when().get("/api/v1/registrations/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("registrations.csv"))
                .extract().asString();
        assertThat(csv.startsWith(Csv.BOM), is(true));
        List<List<String>> rows = Csv.rows(csv);
        List<String> header = rows.get(0);
        assertThat(header.get(0), equalTo("id"));
        List<List<String>> lines = rows.subList(1, rows.size()).stream().filter(r -> r.size() > 1).toList();
        int school = header.indexOf("schoolCode");
        int record = header.indexOf("sourceRecordId");
        assertThat(lines.stream().map(r -> r.get(school)).toList(), everyItem(equalTo(A)));
        assertThat(lines.stream().map(r -> r.get(record)).toList(),
                containsInAnyOrder(AT_A.stream().map(e -> e.sourceRecordId).toArray()));
        assertThat(header, not(hasItem("personKey")));

        String filtered = as(TestTokens.city("330100")).queryParam("studyMode", "PART_TIME").queryParam("schoolCode", A)
                .when().get("/api/v1/registrations/export.csv").then().statusCode(200).extract().asString();
        assertThat(Csv.rows(filtered).stream().filter(r -> r.size() > 1).count(), equalTo(2L));
        assertThat(as(TestTokens.city("330200")).queryParam("schoolCode", A).when().get("/api/v1/registrations/export.csv")
                .then().statusCode(200).extract().asString().contains(A), is(false));

        // Whoever reads the roll can tell no more of the person's ID number than the platform's rule allows.
        Enrollment e = AT_A.get(0);
        String idNumber = "330102" + e.birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "1231";
        JsonNode item = TestEvents.parse(as(TestTokens.province("330000")).queryParam("schoolCode", A)
                .queryParam("sourceRecordId", e.sourceRecordId).when().get("/api/v1/registrations").then().statusCode(200)
                .extract().asString()).path("items").get(0);
        IdNumberExposure.assertHidden(idNumber, item, "a province reading the roll");
        List<String> line = lines.stream().filter(r -> r.get(record).equals(e.sourceRecordId)).findFirst().orElseThrow();
        IdNumberExposure.assertHidden(idNumber, line, "a school downloading the roll");
    }

    @Test
    void aWithdrawnRegistrationShowsEndedOnTheRoll() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), TestEvents.schoolCode());
        sendEnrollmentEvent(e.personKey, e.recorded());
        Alerts.awaitChecked(e, 1);
        sendEnrollmentEvent(e.personKey, e.withdrawn());
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> "WITHDRAWN".equals(
                roll(TestTokens.school(e.schoolCode), Map.of("sourceRecordId", e.sourceRecordId)).getString("items[0].status")));
        JsonPath withdrawn = roll(TestTokens.school(e.schoolCode), Map.of("status", "WITHDRAWN"));
        assertThat(withdrawn.getList("items.sourceRecordId"), equalTo(List.of(e.sourceRecordId)));
        assertThat(withdrawn.getString("items[0].endedAt"), not(nullValue()));
        assertThat(roll(TestTokens.school(e.schoolCode), Map.of("status", "ACTIVE")).getList("items"), empty());
    }
}
