package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class EnrollmentResourceTest {

    private String school;

    @BeforeEach
    void createSchool() {
        school = TestData.createSchool(TestData.HANGZHOU);
    }

    private ValidatableResponse push(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then();
    }

    @Test
    void samePushTwiceIsOneRecordAndNewContentIsACorrection() {
        Map<String, Object> body = TestData.enrollment(school, "R-1");
        String id = push(body).statusCode(201).body("checkStatus", equalTo("PENDING")).body("version", equalTo(1))
                .extract().path("id");
        push(body).statusCode(200).header("X-Enrollment-Outcome", "UNCHANGED").body("id", equalTo(id)).body("version", equalTo(1));

        body.put("classLevel", "ADVANCED");
        push(body).statusCode(200).header("X-Enrollment-Outcome", "CORRECTED").body("id", equalTo(id)).body("version", equalTo(2))
                .body("classLevel", equalTo("ADVANCED"));

        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "R-1").then()
                .statusCode(200).body("version", equalTo(2))
                .body("student.idNumberMasked", equalTo(maskOf(TestData.student(body).get("idNumber").toString())));
        awaitEvents(school, "R-1", 2);
    }

    @Test
    void freeTextIsStoredExactlyAsSentWhateverItsBackslashesTabsAndLineBreaks() {
        // New records go in by COPY, whose text format gives these characters meanings of their own.
        String employer = "杭州\\N机床厂\t二车间\\x41\n\\";
        Map<String, Object> body = TestData.enrollment(school, "R-TEXT");
        body.put("studyMode", "PART_TIME");
        body.put("employer", employer);
        push(body).statusCode(201);
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "R-TEXT").then()
                .statusCode(200).body("employer", equalTo(employer));
        push(body).statusCode(200).header("X-Enrollment-Outcome", "UNCHANGED");
    }

    @Test
    void wrongCheckDigitIsRejectedAndNothingIsStoredOrPublished() {
        Map<String, Object> body = TestData.enrollment(school, "BAD-CHECK");
        String id = TestData.student(body).get("idNumber").toString();
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        TestData.student(body).put("idNumber", id.substring(0, 17) + wrong);
        expectRejected(body, 422, "student.idNumber", "id-check-digit", "BAD-CHECK");
    }

    @Test
    void birthDateDisagreeingWithTheIdIsRejected() {
        Map<String, Object> body = TestData.enrollment(school, "BAD-BIRTH");
        TestData.student(body).put("birthDate", "2010-05-18");
        expectRejected(body, 422, "student.birthDate", "birth-date-mismatch", "BAD-BIRTH");
    }

    @Test
    void genderDisagreeingWithTheIdIsRejected() {
        Map<String, Object> body = TestData.enrollment(school, "BAD-GENDER");
        TestData.student(body).put("gender", "FEMALE");
        expectRejected(body, 422, "student.gender", "gender-mismatch", "BAD-GENDER");
    }

    @Test
    void unknownSchoolIsRejected() {
        String unknown = TestData.newCode("NOPE");
        Map<String, Object> body = TestData.enrollment(unknown, "UNKNOWN-SCHOOL");
        given().auth().oauth2(TestTokens.school(unknown)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("schoolCode")).body("errors.rule", hasItem("unknown-school"));
    }

    /** The intake caches schools (SchoolDirectory.forIntake): a school's creation and every change must count at once. */
    @Test
    void theIntakeChecksAgainstTheSchoolAsItIsNow() {
        String code = TestData.newCode("LATE");
        given().auth().oauth2(TestTokens.school(code)).contentType(ContentType.JSON).body(TestData.enrollment(code, "BEFORE"))
                .post("/api/v1/enrollments").then().statusCode(422).body("errors.rule", hasItem("unknown-school"));

        Map<String, Object> directoryEntry = TestData.school(code, TestData.HANGZHOU, "TECHNICIAN_COLLEGE");
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(directoryEntry)
                .post("/api/v1/schools").then().statusCode(201);
        given().auth().oauth2(TestTokens.school(code)).contentType(ContentType.JSON).body(TestData.enrollment(code, "CREATED"))
                .post("/api/v1/enrollments").then().statusCode(201);

        directoryEntry.put("qualifiedYears", List.of(2025));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(directoryEntry)
                .post("/api/v1/schools").then().statusCode(200);
        given().auth().oauth2(TestTokens.school(code)).contentType(ContentType.JSON).body(TestData.enrollment(code, "AFTER"))
                .post("/api/v1/enrollments").then().statusCode(422).body("errors.rule", hasItem("school-not-qualified"));
    }

    @Test
    void missingFieldIsA400NamingTheField() {
        Map<String, Object> body = TestData.enrollment(school, "NO-MAJOR");
        body.remove("majorCode");
        expectRejected(body, 400, "majorCode", "required", "NO-MAJOR");
    }

    @Test
    void majorNotInTheFiledCatalogueIsRejected() {
        Map<String, Object> body = TestData.enrollment(school, "NO-SUCH-MAJOR");
        body.put("majorCode", "9999");
        expectRejected(body, 422, "majorCode", "major-not-filed", "NO-SUCH-MAJOR");
        Map<String, Object> wrongLevel = TestData.enrollment(school, "WRONG-LEVEL");
        wrongLevel.put("classLevel", "PREP_TECHNICIAN");
        expectRejected(wrongLevel, 422, "classLevel", "level-not-filed", "WRONG-LEVEL");
    }

    @Test
    void partTimeNeedsAnEmployer() {
        Map<String, Object> body = TestData.enrollment(school, "PT-NO-EMPLOYER");
        body.put("studyMode", "PART_TIME");
        expectRejected(body, 422, "employer", "part-time-employer", "PT-NO-EMPLOYER");
    }

    @Test
    void malformedJsonIsA400ProblemAndStoresNothing() {
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body("{\"schoolCode\":\"" + school + "\",\"sourceRecordId\":\"MALFORMED\",").post("/api/v1/enrollments").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].rule", equalTo("malformed-json"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "MALFORMED").then().statusCode(404);
    }

    @Test
    void errorsNeverEchoTheIdNumber() {
        Map<String, Object> body = TestData.enrollment(school, "NO-ECHO");
        TestData.student(body).put("birthDate", "2010-05-18");
        String id = TestData.student(body).get("idNumber").toString();
        String answer = push(body).statusCode(422).extract().asString();
        assertTrue(!answer.contains(id), "problem document must not contain the ID number");
    }

    @Test
    void tokensAreRequiredAndScopedToTheSchool() {
        Map<String, Object> body = TestData.enrollment(school, "AUTH");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/enrollments").then().statusCode(401);
        given().auth().oauth2(TestTokens.school("OTHER-SCHOOL")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then().statusCode(403);
        push(body).statusCode(201);
        given().auth().oauth2(TestTokens.school("OTHER-SCHOOL")).get("/api/v1/enrollments/{s}/{r}", school, "AUTH").then().statusCode(404);
        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).get("/api/v1/enrollments/{s}/{r}", school, "AUTH").then().statusCode(404);
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).get("/api/v1/enrollments/{s}/{r}", school, "AUTH").then().statusCode(200);
        given().get("/api/v1/enrollments/{s}/{r}", school, "AUTH").then().statusCode(401);
    }

    @Test
    void batchAnswersPerItemAndStoresOnlyTheValidOnes() {
        Map<String, Object> good = TestData.enrollment(school, "B-1");
        Map<String, Object> bad = TestData.enrollment(school, "B-2");
        TestData.student(bad).put("birthDate", "2011-01-01");
        Map<String, Object> other = TestData.enrollment("SOMEONE-ELSE", "B-3");
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(good, bad, other, good))).post("/api/v1/enrollments/batch").then()
                .statusCode(200)
                .body("results", hasSize(4))
                .body("results[0].status", equalTo("CREATED"))
                .body("results[1].status", equalTo("REJECTED"))
                .body("results[1].errors.rule", hasItem("birth-date-mismatch"))
                .body("results[2].status", equalTo("REJECTED"))
                .body("results[2].errors.rule", hasItem("school-scope"))
                .body("results[3].status", equalTo("UNCHANGED"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "B-1").then().statusCode(200);
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "B-2").then().statusCode(404);
    }

    @Test
    void batchCorrectingARecordItCreatesStoresTheCorrectionAndBothEvents() {
        Map<String, Object> first = TestData.enrollment(school, "B-FIX");
        Map<String, Object> corrected = new HashMap<>(first);
        corrected.put("classLevel", "ADVANCED");
        List<String> ids = given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(first, corrected))).post("/api/v1/enrollments/batch").then()
                .statusCode(200)
                .body("results.status", equalTo(List.of("CREATED", "CORRECTED")))
                .extract().path("results.id");
        assertEquals(ids.get(0), ids.get(1));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "B-FIX").then()
                .statusCode(200).body("id", equalTo(ids.get(0))).body("version", equalTo(2)).body("classLevel", equalTo("ADVANCED"));
        awaitEvents(school, "B-FIX", 2);
    }

    @Test
    void batchAboveTheLimitIsA413() {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> item = new HashMap<>(TestData.enrollment(school, "BIG"));
        for (int i = 0; i < 5001; i++) {
            items.add(item);
        }
        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/enrollments/batch").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("batch-limit"));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "BIG").then().statusCode(404);
    }

    private void expectRejected(Map<String, Object> body, int status, String field, String rule, String sourceRecordId) {
        push(body).statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body("errors.rule", hasItem(rule));
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, sourceRecordId).then()
                .statusCode(404);
        // A valid record pushed afterwards is published; the rejected one never is.
        push(TestData.enrollment(school, sourceRecordId + "-OK")).statusCode(201);
        awaitEvents(school, sourceRecordId + "-OK", 1);
        assertEquals(0, eventsFor(school, sourceRecordId).size(), "a rejected record must not be published");
    }

    private static void awaitEvents(String schoolCode, String sourceRecordId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(schoolCode, sourceRecordId).size() == count);
    }

    private static List<String> eventsFor(String schoolCode, String sourceRecordId) {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "enrollment-events").stream()
                .map(r -> r.value())
                .filter(v -> v.contains("\"schoolCode\":\"" + schoolCode + "\"") && v.contains("\"sourceRecordId\":\"" + sourceRecordId + "\""))
                .toList();
    }

    private static String maskOf(String id) {
        return id.substring(0, 4) + "*".repeat(14);
    }

    @Test
    void maskedIdShowsProvinceAndCityOnly() {
        Map<String, Object> body = TestData.enrollment(school, "MASK");
        String id = TestData.student(body).get("idNumber").toString();
        push(body).statusCode(201).body("student.idNumberMasked", startsWith(id.substring(0, 4) + "*"))
                .body("student.idNumberMasked", not(equalTo(id)))
                .body("student.idNumberMasked", equalTo(maskOf(id)));
    }
}
