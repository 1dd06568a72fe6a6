package org.techschools.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

import org.techschools.testinfra.ResidentIds;
import org.techschools.testinfra.TestTokens;

/** Schools and enrollment requests for the tests; codes are random so test classes never collide. */
public final class TestData {

    public static final String ZHEJIANG = "330000";
    public static final String HANGZHOU = "330100";
    public static final String NINGBO = "330200";

    private TestData() {
    }

    public static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> school(String code, String cityCode, String type) {
        return school(code, ZHEJIANG, cityCode, type);
    }

    public static Map<String, Object> school(String code, String provinceCode, String cityCode, String type) {
        Map<String, Object> school = new HashMap<>();
        school.put("code", code);
        school.put("name", "测试技工学校 " + code);
        school.put("type", type);
        school.put("provinceCode", provinceCode);
        school.put("cityCode", cityCode);
        school.put("provincial", false);
        school.put("qualifiedYears", List.of(2025, 2026));
        school.put("majors", List.of(
                Map.of("code", "0401", "name", "数控加工", "levels", List.of("INTERMEDIATE", "ADVANCED")),
                Map.of("code", "0602", "name", "电气自动化设备安装与维修", "levels", List.of("ADVANCED", "PREP_TECHNICIAN"))));
        return school;
    }

    /** Creates a school in Hangzhou (or the given city) through the API as the Zhejiang province office. */
    public static String createSchool(String cityCode) {
        return createSchool(ZHEJIANG, cityCode, "TECHNICIAN_COLLEGE");
    }

    /** Creates a school of the given type in any province, as that province's office. */
    public static String createSchool(String provinceCode, String cityCode, String type) {
        String code = newCode("S");
        given().auth().oauth2(TestTokens.province(provinceCode)).contentType(ContentType.JSON)
                .body(school(code, provinceCode, cityCode, type))
                .post("/api/v1/schools").then().statusCode(201);
        return code;
    }

    /** Pushes a record as its school; answers its id. */
    public static String push(Map<String, Object> enrollment) {
        return given().auth().oauth2(TestTokens.school(enrollment.get("schoolCode").toString())).contentType(ContentType.JSON)
                .body(enrollment).post("/api/v1/enrollments").then().statusCode(oneOf(200, 201))
                .extract().path("id");
    }

    public static String idNumber(LocalDate birthDate, boolean male) {
        return ResidentIds.of("330102", birthDate, male);
    }

    /** A valid full-time autumn-2026 enrollment of a boy born 2010-05-17. */
    public static Map<String, Object> enrollment(String schoolCode, String sourceRecordId, String idNumber) {
        Map<String, Object> student = new HashMap<>();
        student.put("idType", "RESIDENT_ID");
        student.put("idNumber", idNumber);
        student.put("name", "张伟");
        student.put("gender", "MALE");
        student.put("birthDate", "2010-05-17");
        Map<String, Object> e = new HashMap<>();
        e.put("schoolCode", schoolCode);
        e.put("sourceRecordId", sourceRecordId);
        e.put("student", student);
        e.put("majorCode", "0401");
        e.put("classLevel", "INTERMEDIATE");
        e.put("studyMode", "FULL_TIME");
        e.put("intakeYear", 2026);
        e.put("intakeSeason", "AUTUMN");
        e.put("enrolledOn", "2026-09-01");
        e.put("sourceCategory", "初中毕业生");
        e.put("originRegion", HANGZHOU);
        e.put("priorityFlags", List.of());
        return e;
    }

    public static Map<String, Object> enrollment(String schoolCode, String sourceRecordId) {
        return enrollment(schoolCode, sourceRecordId, idNumber(LocalDate.of(2010, 5, 17), true));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> student(Map<String, Object> enrollment) {
        return (Map<String, Object>) enrollment.get("student");
    }
}
