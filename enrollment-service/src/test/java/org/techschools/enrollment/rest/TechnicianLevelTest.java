package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * 技师班 (TECHNICIAN) is a class level of its own: a 技师学院 files it for a major and enrolls into it; a major not
 * filed for it refuses it; the events carrying it go out under their new schema versions, so older readers skip them
 * by version instead of misreading them.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class TechnicianLevelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTechnicianCollegeThatFiledTheLevelEnrollsIntoItAndOthersAreRefused() throws Exception {
        String code = TestData.newCode("JS");
        Map<String, Object> college = TestData.school(code, TestData.HANGZHOU, "TECHNICIAN_COLLEGE");
        college.put("majors", List.of(
                Map.of("code", "0401", "name", "数控加工", "levels", List.of("INTERMEDIATE", "ADVANCED")),
                Map.of("code", "0602", "name", "电气自动化设备安装与维修", "levels", List.of("PREP_TECHNICIAN", "TECHNICIAN"))));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(college)
                .post("/api/v1/schools").then().statusCode(201);
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).get("/api/v1/schools/{code}", code).then().statusCode(200)
                .body("majors.find { it.code == '0602' }.levels", equalTo(List.of("PREP_TECHNICIAN", "TECHNICIAN")));

        Map<String, Object> technician = TestData.enrollment(code, "T-1");
        technician.put("majorCode", "0602");
        technician.put("classLevel", "TECHNICIAN");
        push(code, technician).statusCode(201);
        given().auth().oauth2(TestTokens.school(code)).get("/api/v1/enrollments/{s}/{r}", code, "T-1").then().statusCode(200)
                .body("classLevel", equalTo("TECHNICIAN"));

        // 0401 is filed for 中级工班 and 高级工班 only: 422 naming the field and the rule, not the value.
        Map<String, Object> notFiled = TestData.enrollment(code, "T-2", TestData.idNumber(LocalDate.of(2010, 5, 17), true));
        notFiled.put("classLevel", "TECHNICIAN");
        push(code, notFiled).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("classLevel")).body("errors.rule", hasItem("level-not-filed"))
                .body("errors.message", not(hasItem(containsString("TECHNICIAN"))));
        given().auth().oauth2(TestTokens.school(code)).get("/api/v1/enrollments/{s}/{r}", code, "T-2").then().statusCode(404);

        // A school of another kind that filed the level runs it too: the filed catalogue decides, as for 预备技师班.
        String senior = TestData.newCode("SJ");
        Map<String, Object> seniorSchool = TestData.school(senior, TestData.NINGBO, "SENIOR_TECHNICAL_SCHOOL");
        seniorSchool.put("majors", List.of(Map.of("code", "0602", "name", "电气自动化设备安装与维修", "levels", List.of("ADVANCED"))));
        given().auth().oauth2(TestTokens.province(TestData.ZHEJIANG)).contentType(ContentType.JSON).body(seniorSchool)
                .post("/api/v1/schools").then().statusCode(201);
        Map<String, Object> unfiled = TestData.enrollment(senior, "T-3");
        unfiled.put("majorCode", "0602");
        unfiled.put("classLevel", "TECHNICIAN");
        push(senior, unfiled).statusCode(422).body("errors.rule", hasItem("level-not-filed"));

        // Events: the record at EnrollmentRecorded version 3, the school at SchoolUpserted version 2, both honouring
        // their schemas; the school without the level stays at version 1.
        String bootstrap = PlatformInfra.get().kafka().bootstrapServers();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(bootstrap, "enrollment-events", code).size() == 1);
        ConsumerRecord<String, String> recorded = eventsOf(bootstrap, "enrollment-events", code).get(0);
        assertEquals(Set.of(), EventContracts.violations(recorded.value(), "EnrollmentRecorded"));
        assertEquals(3, JSON.readTree(recorded.value()).get("schemaVersion").asInt());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(bootstrap, "school-events", senior).isEmpty());
        ConsumerRecord<String, String> filed = eventsOf(bootstrap, "school-events", code).get(0);
        assertEquals(Set.of(), EventContracts.violations(filed.value(), "SchoolUpserted"));
        assertEquals(2, JSON.readTree(filed.value()).get("schemaVersion").asInt());
        ConsumerRecord<String, String> other = eventsOf(bootstrap, "school-events", senior).get(0);
        assertEquals(Set.of(), EventContracts.violations(other.value(), "SchoolUpserted"));
        assertEquals(1, JSON.readTree(other.value()).get("schemaVersion").asInt());
    }

    @Test
    void theEnvelopeSchemaRefusesTechnicianUnderAnOlderVersion() {
        String event = """
                {"eventId":"0b8c8f7e-3a0e-4c3e-9d7e-6b1f0f6a9a10","eventType":"SchoolUpserted","schemaVersion":1,
                 "occurredAt":"2026-09-01T00:00:00Z","producer":"enrollment-service","aggregateId":"X",
                 "payload":{"code":"X","name":"x","type":"TECHNICIAN_COLLEGE","provinceCode":"330000","cityCode":"330100",
                 "provincial":false,"qualifiedYears":[2026],"majors":[{"code":"0602","name":"m","levels":["TECHNICIAN"]}]}}""";
        assertEquals(false, EventContracts.violations(event, "SchoolUpserted").isEmpty(), "TECHNICIAN needs version 2");
        assertEquals(Set.of(), EventContracts.violations(event.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                "SchoolUpserted"));
    }

    private static ValidatableResponse push(String school, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enrollments").then();
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String bootstrap, String topic, String school) {
        String needle = topic.equals("school-events") ? "\"code\":\"" + school + "\"" : "\"schoolCode\":\"" + school + "\"";
        return TopicRecords.readAll(bootstrap, topic).stream().filter(r -> r.value().contains(needle)).toList();
    }
}
