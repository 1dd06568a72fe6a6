package org.techschools.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

import org.techschools.testinfra.TestTokens;

/** What the system tests send through the API as schools and offices: schools of the directory, enrollment records. */
final class PlatformRequests {

    /** Zhejiang's 学籍 deadlines (docs/DOMAIN.md#registration-deadlines): spring intakes by 31 March, autumn intakes by 31 October. */
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    static final boolean SPRING = TODAY.isBefore(LocalDate.of(TODAY.getYear(), 4, 1))
            || TODAY.isAfter(LocalDate.of(TODAY.getYear(), 10, 31));
    /** The next intake whose registration deadline has not passed, so that no LATE_REGISTRATION alert muddies the flow. */
    static final int INTAKE_YEAR = TODAY.isAfter(LocalDate.of(TODAY.getYear(), 10, 31)) ? TODAY.getYear() + 1 : TODAY.getYear();

    private PlatformRequests() {
    }

    static void createSchool(String enrollment, String code, String city, String type) {
        createSchool(enrollment, code, "330000", city, type);
    }

    /** Creates a school of {@code city} in {@code province} as that province's office. */
    static void createSchool(String enrollment, String code, String province, String city, String type) {
        Map<String, Object> school = new HashMap<>();
        school.put("code", code);
        school.put("name", "系统测试学校 " + code);
        school.put("type", type);
        school.put("provinceCode", province);
        school.put("cityCode", city);
        school.put("provincial", false);
        school.put("qualifiedYears", List.of(INTAKE_YEAR));
        school.put("majors", List.of(Map.of("code", "0401", "name", "数控加工", "levels", List.of("INTERMEDIATE", "ADVANCED"))));
        given().baseUri(enrollment).auth().oauth2(TestTokens.province(province)).contentType(ContentType.JSON).body(school)
                .post("/api/v1/schools").then().statusCode(201).body("majors", hasSize(1))
                .body("majors[0].levels", containsInAnyOrder("INTERMEDIATE", "ADVANCED"));
    }

    static Map<String, Object> enrollmentOf(String school, String record, String idNumber) {
        Map<String, Object> student = Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", "李娜", "gender", "FEMALE",
                "birthDate", "2010-03-08");
        Map<String, Object> body = new HashMap<>();
        body.put("schoolCode", school);
        body.put("sourceRecordId", record);
        body.put("student", student);
        body.put("majorCode", "0401");
        body.put("classLevel", "INTERMEDIATE");
        body.put("studyMode", "FULL_TIME");
        body.put("intakeYear", INTAKE_YEAR);
        body.put("intakeSeason", SPRING ? "SPRING" : "AUTUMN");
        body.put("enrolledOn", TODAY.toString());
        body.put("sourceCategory", "初中毕业生");
        body.put("originRegion", "330102");
        body.put("priorityFlags", List.of());
        return body;
    }
}
