package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.techschools.registration.domain.CertificateNumber;
import org.techschools.registration.domain.SchoolMajor;
import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 毕业证书 over the API: graduation issues a certificate the 学籍 names; anyone checks it by number and name without a
 * token and learns what it states or {"genuine":false} alone; offices list and export the certificates of their scope.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class CertificateTest {

    private static final String NOT_GENUINE = "{\"genuine\":false}";
    /** The major Enrollment's records are in. */
    private static final String MAJOR = "0101";

    @Test
    void graduationIssuesACertificateThePublicCheckConfirmsByNumberAndName() {
        String schoolCode = announceSchool("330100");
        Enrollment e = Enrollment.of(TestEvents.personKey(), schoolCode);
        String id = graduate(e, "2028-06-30");

        String number = given().auth().oauth2(TestTokens.school(schoolCode)).get("/api/v1/registrations/" + id).then()
                .statusCode(200).body("status", equalTo("GRADUATED"))
                .body("certificateNumber", matchesPattern(schoolCode + "-2028-[2-9A-HJ-NP-Z]{10}[0-9]{2}"))
                .extract().path("certificateNumber");

        String answer = check(number, e.name).statusCode(200).contentType(containsString("application/json"))
                .body("genuine", equalTo(true)).body("schoolName", equalTo("测试技师学院 " + schoolCode))
                .body("majorName", equalTo("机电一体化")).body("classLevel", equalTo("INTERMEDIATE"))
                .body("classLevelLabel", equalTo("中级工班")).body("graduatedOn", equalTo("2028-06-30"))
                .extract().asString();
        assertEquals(List.of("genuine", "schoolName", "majorName", "classLevel", "classLevelLabel", "graduatedOn"),
                List.copyOf(TestEvents.parse(answer).properties().stream().map(java.util.Map.Entry::getKey).toList()));
        assertFalse(answer.contains(e.idNumberMasked.substring(0, 4)) || answer.matches("(?s).*[0-9]{10}.*"),
                "no part of an ID number in the answer: " + answer);

        // As a person types it: stray spaces, a full-width space between family and given name.
        check(number, " " + e.name.charAt(0) + "\u3000" + e.name.substring(1) + " ").statusCode(200).body("genuine", equalTo(true));
    }

    @Test
    void aWrongNameOrNumberIsAnsweredNotGenuineAndNothingElse() {
        String schoolCode = announceSchool("330100");
        Enrollment e = Enrollment.of(TestEvents.personKey(), schoolCode);
        graduate(e, "2028-06-30");
        String number = certificateOf(e);

        assertEquals(NOT_GENUINE, check(number, "李" + e.name.substring(1)).statusCode(200).extract().asString());
        assertEquals(NOT_GENUINE, check(CertificateNumber.next(schoolCode, 2028), e.name).statusCode(200).extract().asString());
        String mistyped = number.substring(0, number.length() - 1) + (number.endsWith("9") ? "0" : "9");
        assertEquals(NOT_GENUINE, check(mistyped, e.name).statusCode(200).extract().asString());
        assertEquals(NOT_GENUINE, check("no-such-certificate", e.name).statusCode(200).extract().asString());
        check(number, " ").statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("name")).body("errors[0].rule", equalTo("required"));
    }

    @Test
    void onlyGraduationIssuesACertificate() {
        Enrollment e = Enrollment.of(TestEvents.personKey(), announceSchool("330100"));
        sendEnrollmentEvent(e.personKey, e.recorded());
        String id = Alerts.registrationId(e);
        String school = TestTokens.school(e.schoolCode);
        change(school, id, "{\"type\":\"SUSPEND\"}").statusCode(200).body("certificateNumber", nullValue());
        change(school, id, "{\"type\":\"WITHDRAW\"}").statusCode(200).body("certificateNumber", nullValue());
        change(school, id, "{\"type\":\"GRADUATE\"}").statusCode(409);
    }

    @Test
    void theListAndItsExportShowEachOfficeTheCertificatesOfItsScope() {
        Enrollment hangzhou = Enrollment.of(TestEvents.personKey(), announceSchool("330100"));
        Enrollment ningbo = Enrollment.of(TestEvents.personKey(), announceSchool("330200")).inCity("330200");
        Enrollment nanjing = Enrollment.of(TestEvents.personKey(), announceSchool("320100")).inCity("320100");
        graduate(hangzhou, "2028-06-30");
        graduate(ningbo, "2028-07-01");
        graduate(nanjing, "2028-07-02");
        String a = certificateOf(hangzhou);
        String b = certificateOf(ningbo);
        String c = certificateOf(nanjing);

        assertEquals(List.of(a), numbers(TestTokens.school(hangzhou.schoolCode), ""));
        assertEquals(List.of(), numbers(TestTokens.school(hangzhou.schoolCode), "?schoolCode=" + ningbo.schoolCode));
        List<String> city = numbers(TestTokens.city("330100"), "?graduatedFrom=2028-06-30&graduatedTo=2028-07-02");
        assertThat(city, hasItem(a));
        assertThat(city, not(hasItem(b)));
        List<String> province = numbers(TestTokens.province("330000"), "?graduatedFrom=2028-06-30&graduatedTo=2028-07-02");
        assertThat(province, hasItems(a, b));
        assertThat(province, not(hasItem(c)));
        assertThat(numbers(TestTokens.province("330000"), "?graduatedFrom=2028-07-01&graduatedTo=2028-07-02"), not(hasItem(a)));
        assertThat(numbers(TestTokens.national(), "?provinceCode=320000&graduatedFrom=2028-07-02&graduatedTo=2028-07-02"),
                hasItem(c));

        String csv = given().auth().oauth2(TestTokens.province("330000"))
                .queryParam("graduatedFrom", "2028-06-30").queryParam("graduatedTo", "2028-07-02")
                .get("/api/v1/certificates/export.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertThat(csv, startsWith("\uFEFFcertificateNumber,name,schoolCode,schoolName,"));
        assertThat(csv, containsString(a + "," + hangzhou.name + "," + hangzhou.schoolCode + ",测试技师学院 " + hangzhou.schoolCode
                + ",330000,330100," + MAJOR + ",机电一体化,INTERMEDIATE,中级工班,2028-06-30,"));
        assertThat(csv, containsString(b));
        assertThat(csv, not(containsString(c)));
        String schoolCsv = given().auth().oauth2(TestTokens.school(ningbo.schoolCode)).get("/api/v1/certificates/export.csv")
                .then().statusCode(200).extract().asString();
        assertThat(schoolCsv, containsString(b));
        assertThat(schoolCsv, not(containsString(a)));
    }

    @Test
    void theListNeedsAnOfficeAndValidFilters() {
        given().get("/api/v1/certificates").then().statusCode(401);
        given().get("/api/v1/certificates/export.csv").then().statusCode(401);
        given().auth().oauth2(TestTokens.province("330000")).queryParam("graduatedFrom", "30.06.2028")
                .get("/api/v1/certificates").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("graduatedFrom")).body("errors[0].rule", equalTo("invalid-value"))
                .body(not(containsString("30.06.2028")));
        given().auth().oauth2(TestTokens.province("330000")).queryParam("graduatedFrom", "2028-07-01")
                .queryParam("graduatedTo", "2028-06-30").get("/api/v1/certificates").then().statusCode(400)
                .body("errors[0].field", equalTo("graduatedTo")).body("errors[0].rule", equalTo("date-order"));
        given().auth().oauth2(TestTokens.province("330000")).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/certificates").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    /** Announces a school on school-events as enrollment-service does, with major 0101, and waits for its projection. */
    private static String announceSchool(String cityCode) {
        String code = TestEvents.schoolCode();
        ObjectNode p = TestEvents.MAPPER.createObjectNode();
        p.put("code", code);
        p.put("name", "测试技师学院 " + code);
        p.put("type", "TECHNICIAN_COLLEGE");
        p.put("provinceCode", cityCode.substring(0, 2) + "0000");
        p.put("cityCode", cityCode);
        p.put("provincial", false);
        p.putNull("ownership");
        p.putNull("hotline");
        p.putArray("qualifiedYears").add(2025).add(2026);
        ObjectNode major = p.putArray("majors").addObject();
        major.put("code", MAJOR);
        major.put("name", "机电一体化");
        major.putArray("levels").add("INTERMEDIATE").add("ADVANCED");
        TestEvents.send("school-events", code, TestEvents.envelope(UUID.randomUUID(), "SchoolUpserted", 1, code, p));
        await().atMost(Alerts.PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SchoolMajor.findById(new SchoolMajor.Key(code, MAJOR)) != null));
        return code;
    }

    /** Registers the record and graduates its 学籍 as the province; answers the 学籍's id. */
    private static String graduate(Enrollment e, String on) {
        sendEnrollmentEvent(e.personKey, e.recorded());
        String id = Alerts.registrationId(e);
        change(TestTokens.province(e.provinceCode), id, "{\"type\":\"GRADUATE\",\"effectiveOn\":\"" + on + "\"}")
                .statusCode(200).body("status", equalTo("GRADUATED"));
        return id;
    }

    private static String certificateOf(Enrollment e) {
        return given().auth().oauth2(TestTokens.school(e.schoolCode)).get("/api/v1/registrations/" + Alerts.registrationId(e))
                .then().statusCode(200).extract().path("certificateNumber");
    }

    private static ValidatableResponse change(String token, String registrationId, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/registrations/" + registrationId + "/changes").then();
    }

    private static ValidatableResponse check(String number, String name) {
        return given().queryParam("name", name).get("/api/v1/public/certificates/" + number).then();
    }

    private static List<String> numbers(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/certificates" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.certificateNumber");
    }
}
