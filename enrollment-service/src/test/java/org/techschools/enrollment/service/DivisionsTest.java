package org.techschools.enrollment.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * The GB/T 2260 lists shipped as data decide the region rule for every province, not only Zhejiang, and for divisions
 * withdrawn since the holder's birth; the ID's city stands in for a missing 生源地 on enrollment-events.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class DivisionsTest {

    private static final LocalDate BIRTH = LocalDate.of(2010, 5, 17);

    @Test
    void idNumbersFromBeijingAndShenzhenPassTheRegionRuleAndAnUnknownPrefixFails() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        push(school, "BJ-1", ResidentIds.of("110101", BIRTH, true), "110101").statusCode(201);
        push(school, "SZ-1", ResidentIds.of("440300", BIRTH, true), "440305").statusCode(201);
        push(school, "XX-1", ResidentIds.of("990000", BIRTH, true), "330102").statusCode(422)
                .body("errors.rule", hasItem("id-region")).body("errors.field", hasItem("student.idNumber"));
        // A prefecture that does not exist in a listed province fails too (广东 has no 4499).
        push(school, "XX-2", ResidentIds.of("449901", BIRTH, true), "330102").statusCode(422)
                .body("errors.rule", hasItem("id-region"));
    }

    @Test
    void anIdNumberOfAWithdrawnPrefectureCountsForThoseBornWhileItWasInForce() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        // 341421 庐江县 of 巢湖市 (3414, 1999–2011, since merged into 合肥): issued to someone born in 1990 at 16.
        push(school, "CH-1990", ResidentIds.of("341421", LocalDate.of(1990, 3, 1), true), "330102", LocalDate.of(1990, 3, 1))
                .statusCode(201);
        push(school, "CH-2011", ResidentIds.of("341421", LocalDate.of(2011, 12, 31), true), "330102", LocalDate.of(2011, 12, 31))
                .statusCode(201);
        // Born after 巢湖市 was withdrawn: no ID can carry its code.
        push(school, "CH-2012", ResidentIds.of("341421", LocalDate.of(2012, 1, 2), true), "330102", LocalDate.of(2012, 1, 2))
                .statusCode(422).body("errors.rule", hasItem("id-region")).body("errors.field", hasItem("student.idNumber"));
        // 110228 密云县 of 北京市（县） (1102, withdrawn 2015) — refused before the history was shipped.
        push(school, "BJ-1995", ResidentIds.of("110228", LocalDate.of(1995, 6, 1), true), "330102", LocalDate.of(1995, 6, 1))
                .statusCode(201);
    }

    @Test
    void withoutAnOriginTheEventCarriesTheIdNumbersCityInTodaysDivisions() throws Exception {
        String school = TestData.createSchool(TestData.HANGZHOU);
        LocalDate born = LocalDate.of(1990, 3, 1);
        push(school, "OR-CH", ResidentIds.of("341421", born, true), null, born).statusCode(201);
        push(school, "OR-NB", ResidentIds.of("330203", BIRTH, true), null, BIRTH).statusCode(201);
        push(school, "OR-GIVEN", ResidentIds.of("330203", BIRTH, true), "330102", BIRTH).statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> originsOf(school).size() == 3);
        // 巢湖 (withdrawn) through its successor 合肥; 宁波 as it is; a given origin wins (at city level on the topic).
        assertEquals(Map.of("OR-CH", "340100", "OR-NB", "330200", "OR-GIVEN", "330100"), originsOf(school));
        // The record itself keeps what the school sent.
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "OR-CH").then()
                .statusCode(200).body("originRegion", nullValue());
    }

    private static Map<String, String> originsOf(String school) throws Exception {
        Map<String, String> origins = new HashMap<>();
        for (ConsumerRecord<String, String> r : TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "enrollment-events")) {
            JsonNode payload = new ObjectMapper().readTree(r.value()).get("payload");
            if (school.equals(payload.path("schoolCode").asText())) {
                origins.put(payload.get("sourceRecordId").asText(), payload.get("originRegion").asText());
            }
        }
        return origins;
    }

    @Test
    void schoolsOfAnyProvinceNeedARealPrefecture() {
        given().auth().oauth2(TestTokens.province("440000")).contentType(ContentType.JSON)
                .body(TestData.school(TestData.newCode("GD"), "440000", "440300", "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(201).body("cityCode", equalTo("440300"));
        given().auth().oauth2(TestTokens.province("440000")).contentType(ContentType.JSON)
                .body(TestData.school(TestData.newCode("GD"), "440000", "449900", "TECHNICAL_SCHOOL")).post("/api/v1/schools").then()
                .statusCode(422).body("errors[0].field", equalTo("cityCode")).body("errors[0].rule", equalTo("region-code"));
    }

    private static ValidatableResponse push(String school, String sourceRecordId, String idNumber, String originRegion) {
        return push(school, sourceRecordId, idNumber, originRegion, BIRTH);
    }

    /** A student born on {@code born}, enrolled on 2026-09-01 (14 years or older for every birth date used here). */
    private static ValidatableResponse push(String school, String sourceRecordId, String idNumber, String originRegion,
            LocalDate born) {
        Map<String, Object> body = TestData.enrollment(school, sourceRecordId, idNumber);
        TestData.student(body).put("birthDate", born.toString());
        body.put("originRegion", originRegion);
        return given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body).post("/api/v1/enrollments")
                .then();
    }
}
