package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** GET /api/v1/enrollments: caller-scoped, filtered, keyset-paged lists and their CSV export. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class EnrollmentListTest {

    @Test
    void aCityOfficeSeesItsCityOnlyAndASchoolItsSchool() {
        String hangzhou = TestData.createSchool(TestData.HANGZHOU);
        TestData.push(TestData.enrollment(hangzhou, "L-1"));
        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).queryParam("school", hangzhou).get("/api/v1/enrollments").then()
                .statusCode(200).body("items", empty()).body("nextCursor", nullValue());
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).queryParam("school", hangzhou).get("/api/v1/enrollments").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].sourceRecordId", equalTo("L-1"));
        given().auth().oauth2(TestTokens.school("OTHER-SCHOOL")).queryParam("school", hangzhou).get("/api/v1/enrollments").then()
                .statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.province("320000")).queryParam("school", hangzhou).get("/api/v1/enrollments").then()
                .statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.auditor()).queryParam("school", hangzhou).get("/api/v1/enrollments").then()
                .statusCode(200).body("items", hasSize(1));
        // A school's own list needs no filter: every item is its own.
        given().auth().oauth2(TestTokens.school(hangzhou)).get("/api/v1/enrollments").then()
                .statusCode(200).body("items.schoolCode", everyItem(equalTo(hangzhou)));
    }

    @Test
    void pagingVisitsEveryRecordOnceAndTheIdStaysMasked() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Set<String> pushed = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            pushed.add(TestData.push(TestData.enrollment(school, "P-" + i)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TestTokens.school(school)).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/enrollments").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            for (String masked : page.<String>getList("items.student.idNumberMasked")) {
                assertTrue(masked.matches("\\d{4}\\*{14}"), "ID masked in lists");
            }
            // A record pushed while paging is a newer change: it shows on a later page, never as a gap.
            if (pages == 0) {
                pushed.add(TestData.push(TestData.enrollment(school, "P-late")));
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no record twice");
        assertEquals(pushed, new HashSet<>(seen), "every record once");
        assertEquals(3, pages);
    }

    @Test
    void filtersNarrowAndInvalidFiltersName400TheField() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        TestData.push(TestData.enrollment(school, "F-1"));
        Map<String, Object> partTime = TestData.enrollment(school, "F-2");
        partTime.put("studyMode", "PART_TIME");
        partTime.put("employer", "杭州机床厂");
        TestData.push(partTime);
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).queryParam("school", school).queryParam("mode", "PART_TIME")
                .queryParam("year", 2026).queryParam("status", "ACTIVE").get("/api/v1/enrollments").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].sourceRecordId", equalTo("F-2"));
        given().auth().oauth2(TestTokens.national()).queryParam("school", school).queryParam("updatedSince", "2999-01-01T00:00:00Z")
                .get("/api/v1/enrollments").then().statusCode(200).body("items", empty());

        given().auth().oauth2(TestTokens.national()).queryParam("mode", "SOMETIMES").get("/api/v1/enrollments").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("mode"));
        given().auth().oauth2(TestTokens.national()).queryParam("updatedSince", "yesterday").get("/api/v1/enrollments").then()
                .statusCode(400).body("errors.field", hasItem("updatedSince"));
        given().auth().oauth2(TestTokens.national()).queryParam("limit", 1001).get("/api/v1/enrollments").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(TestTokens.national()).queryParam("cursor", "not-a-cursor").get("/api/v1/enrollments").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void csvExportHasAHeaderAndOneMaskedRowPerRecord() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> body = TestData.enrollment(school, "X-1");
        String idNumber = TestData.student(body).get("idNumber").toString();
        TestData.push(body);
        TestData.push(TestData.enrollment(school, "X-2"));
        for (String csv : List.of(
                given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).accept("text/csv").queryParam("school", school)
                        .get("/api/v1/enrollments").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString(),
                given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).queryParam("school", school)
                        .get("/api/v1/enrollments/export.csv").then().statusCode(200).extract().asString())) {
            String[] lines = csv.split("\r\n");
            assertEquals(3, lines.length, csv);
            assertTrue(lines[0].startsWith("id,schoolCode,sourceRecordId,version,status,idType,idNumberMasked,name"), lines[0]);
            assertTrue(lines[1].contains(",X-1,") && lines[2].contains(",X-2,"), csv);
            assertTrue(lines[1].contains("," + idNumber.substring(0, 4) + "*".repeat(14) + ","), "masked ID in CSV");
            assertFalse(csv.contains(idNumber), "no raw ID number in CSV");
        }
        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).queryParam("school", school)
                .get("/api/v1/enrollments/export.csv").then().statusCode(200).body(equalTo(
                        String.join(",", EnrollmentCsv.HEADER) + "\r\n"));
    }
}
