package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.IdNumberExposure;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * No reader but the school that pushed a record can rebuild its ID number from what enrollment-service shows: the
 * record as JSON, in a list and in the CSV export, read as a city office, a province office, the national centre and an
 * auditor, leaves at least 4 of the first 17 digits unknown.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class IdNumberExposureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReaderButTheSubmittingSchoolSeesTooLittleToRebuildTheIdNumber() throws Exception {
        String school = TestData.createSchool(TestData.HANGZHOU);
        Map<String, Object> body = TestData.enrollment(school, "EXP-1");
        body.put("originRegion", "330102");
        String idNumber = TestData.student(body).get("idNumber").toString();
        TestData.push(body);

        Map<String, String> readers = Map.of(
                "the Hangzhou city office", TestTokens.city(TestData.HANGZHOU),
                "the Zhejiang province office", TestTokens.province(TestData.ZHEJIANG),
                "the national centre", TestTokens.national(),
                "an auditor", TestTokens.auditor());
        for (Map.Entry<String, String> reader : readers.entrySet()) {
            JsonNode record = JSON.readTree(given().auth().oauth2(reader.getValue())
                    .get("/api/v1/enrollments/{s}/{r}", school, "EXP-1").then().statusCode(200).extract().asString());
            assertEquals("330100", record.get("originRegion").asText(), "origin at city level for " + reader.getKey());
            IdNumberExposure.assertHidden(idNumber, record, reader.getKey() + " reading the record");

            JsonNode list = JSON.readTree(given().auth().oauth2(reader.getValue()).queryParam("school", school)
                    .get("/api/v1/enrollments").then().statusCode(200).extract().asString());
            assertEquals(1, list.get("items").size());
            IdNumberExposure.assertHidden(idNumber, list.get("items").get(0), reader.getKey() + " reading the list");

            String csv = given().auth().oauth2(reader.getValue()).queryParam("school", school)
                    .get("/api/v1/enrollments/export.csv").then().statusCode(200).extract().asString();
            List<String> row = Arrays.asList(csv.split("\r\n")[1].split(",", -1));
            IdNumberExposure.assertHidden(idNumber, row, reader.getKey() + " downloading the CSV export");
        }

        // The school that pushed it keeps what it sent: the origin to the county.
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "EXP-1").then()
                .statusCode(200).body("originRegion", org.hamcrest.Matchers.equalTo("330102"));
    }
}
