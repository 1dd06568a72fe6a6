package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * 处理处罚 and 招生信息公开 (docs/DOMAIN.md#sanctions-and-disclosure): a province records sanctions against its
 * schools; the public school list shows them with each school's 招生简章 link and complaint hotline; a suspension
 * (暂停招生) refuses the school's records enrolled within it, by every way of pushing, naming the sanction.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class SchoolSanctionTest {

    private static final String ZHEJIANG = TestTokens.province(TestData.ZHEJIANG);

    @Test
    void aSanctionIsRecordedWithWhoAndWhenAndShownOnThePublicListWithBrochureAndHotline() {
        String school = newSchool(Map.of("brochureUrl", "https://hr.example.cn/zs/2026.html", "complaintHotline", "0571-12333 转 2"));
        sanction(ZHEJIANG, school, body("FALSE_ADVERTISING", "浙人社函〔2020〕3号", "2020-03-01", "2020-03-01", "2020-12-31", false))
                .statusCode(201);
        String recordedId = sanction(ZHEJIANG, school, body("ILLEGAL_ENROLLMENT", "浙人社发〔2026〕12号", "2026-01-05",
                "2026-01-10", "2099-12-31", true)).statusCode(201)
                .body("kind", equalTo("ILLEGAL_ENROLLMENT")).body("kindLabel", equalTo("违规招生"))
                .body("decisionNumber", equalTo("浙人社发〔2026〕12号")).body("authority", equalTo("浙江省人力资源和社会保障厅"))
                .body("from", equalTo("2026-01-10")).body("until", equalTo("2099-12-31"))
                .body("suspendsEnrollment", equalTo(true)).body("current", equalTo(true))
                .body("recordedBy", equalTo("province@" + TestData.ZHEJIANG)).body("recordedAt", not(nullValue()))
                .extract().path("id");

        // Offices of the school's region list them newest first, with who recorded each.
        given().auth().oauth2(TestTokens.city(TestData.HANGZHOU)).get("/api/v1/schools/{code}/sanctions", school).then()
                .statusCode(200).body("[0].id", equalTo(recordedId))
                .body("kindLabel", equalTo(List.of("违规招生", "虚假宣传"))).body("current", equalTo(List.of(true, false)))
                .body("recordedBy", equalTo(List.of("province@" + TestData.ZHEJIANG, "province@" + TestData.ZHEJIANG)));
        given().auth().oauth2(TestTokens.city(TestData.NINGBO)).get("/api/v1/schools/{code}/sanctions", school).then()
                .statusCode(404);

        JsonPath list = given().queryParam("province", TestData.ZHEJIANG).queryParam("year", "2026")
                .get("/api/v1/public/schools").then().statusCode(200).extract().jsonPath();
        String shown = "[" + list.getList("code").indexOf(school) + "].";
        assertThat(list.getString(shown + "brochureUrl"), equalTo("https://hr.example.cn/zs/2026.html"));
        assertThat(list.getString(shown + "complaintHotline"), equalTo("0571-12333 转 2"));
        assertThat(list.getList(shown + "sanctions.decisionNumber"), equalTo(List.of("浙人社发〔2026〕12号", "浙人社函〔2020〕3号")));
        assertThat(list.getList(shown + "sanctions.kindLabel"), equalTo(List.of("违规招生", "虚假宣传")));
        assertThat(list.getList(shown + "sanctions.current"), equalTo(List.of(true, false)));
        assertThat(list.getList(shown + "sanctions.suspendsEnrollment"), equalTo(List.of(true, false)));
        assertThat(list.getList(shown + "sanctions.authority"), hasItems("浙江省人力资源和社会保障厅"));
        // Who recorded a sanction is the offices' business, not the public's.
        assertThat(list.getString(shown + "sanctions[0].recordedBy"), nullValue());
        assertThat(list.getString(shown + "sanctions[0].recordedAt"), nullValue());
    }

    @Test
    void aSuspensionRefusesRecordsEnrolledWithinItAndAcceptsThoseOutside() {
        String school = newSchool(Map.of());
        // Stored before the sanction: pushed again unchanged it still answers as before.
        Map<String, Object> before = TestData.enrollment(school, "before-1");
        TestData.push(before);
        sanction(ZHEJIANG, school, body("ILLEGAL_ENROLLMENT", "浙人社发〔2026〕31号", "2026-08-20", "2026-08-25", "2026-09-30", true))
                .statusCode(201);
        // A sanction that does not suspend enrollment refuses nothing.
        sanction(ZHEJIANG, school, body("FALSE_ADVERTISING", "浙人社发〔2026〕32号", "2026-08-20", "2026-10-01", "2026-12-31", false))
                .statusCode(201);

        String refused = push(enrolledOn(TestData.enrollment(school, "in-1"), "2026-09-01")).statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("enrolledOn")).body("errors[0].rule", equalTo("school-suspended"))
                .body("errors[0].message", containsString("浙人社发〔2026〕31号"))
                .body("errors[0].message", containsString("违规招生")).extract().asString();
        assertThat(refused, not(containsString("in-1")));
        assertThat(refused, not(containsString(TestData.student(before).get("idNumber").toString())));
        push(enrolledOn(TestData.enrollment(school, "in-2"), "2026-09-30")).statusCode(422);
        push(enrolledOn(TestData.enrollment(school, "out-1"), "2026-10-08")).statusCode(201);
        push(enrolledOn(TestData.enrollment(school, "out-2"), "2026-08-24")).statusCode(201);

        push(before).statusCode(200);
        TestData.student(before).put("name", "张卫");
        push(before).statusCode(422).body("errors[0].rule", equalTo("school-suspended"));

        given().auth().oauth2(TestTokens.school(school)).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(enrolledOn(TestData.enrollment(school, "batch-in"), "2026-09-15"),
                        enrolledOn(TestData.enrollment(school, "batch-out"), "2026-10-15"))))
                .post("/api/v1/enrollments/batch").then().statusCode(200)
                .body("results.status", equalTo(List.of("REJECTED", "CREATED")))
                .body("results[0].errors[0].field", equalTo("enrolledOn"))
                .body("results[0].errors[0].rule", equalTo("school-suspended"));

        String id = TestData.idNumber(LocalDate.of(2010, 5, 17), true);
        String csv = "sourceRecordId,idNumber,name,gender,birthDate,majorCode,classLevel,studyMode,intakeYear,intakeSeason,enrolledOn\n"
                + "up-in," + id + ",张伟,MALE,2010-05-17,0401,INTERMEDIATE,FULL_TIME,2026,AUTUMN,2026-09-20\n"
                + "up-out," + id + ",张伟,MALE,2010-05-17,0401,INTERMEDIATE,FULL_TIME,2026,AUTUMN,2026-10-20\n";
        given().auth().oauth2(TestTokens.school(school)).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enrollments/upload").then().statusCode(201)
                .body("results.status", equalTo(List.of("REJECTED", "CREATED")))
                .body("results[0].errors[0].rule", equalTo("school-suspended"));

        record(school, "in-1").statusCode(404);
        record(school, "batch-in").statusCode(404);
        record(school, "up-in").statusCode(404);
        record(school, "out-1").statusCode(200);
    }

    @Test
    void onlyTheSchoolsProvinceRecordsSanctionsAndBrokenRequestsNameFieldAndRule() {
        String school = newSchool(Map.of());
        String good = body("ILLEGAL_ENROLLMENT", "浙人社发〔2026〕40号", "2026-01-05", "2026-02-01", "2026-03-01", true);
        sanction(TestTokens.city(TestData.HANGZHOU), school, good).statusCode(403);
        sanction(TestTokens.school(school), school, good).statusCode(403);
        sanction(TestTokens.national(), school, good).statusCode(403);
        sanction(TestTokens.province("320000"), school, good).statusCode(403)
                .body("errors[0].rule", equalTo("school-outside-scope"));
        sanction(ZHEJIANG, "no-such-school", good).statusCode(404);
        given().auth().oauth2(ZHEJIANG).get("/api/v1/schools/{code}/sanctions", school).then().statusCode(200)
                .body("size()", equalTo(0));

        sanction(ZHEJIANG, school, body("ILLEGAL_ENROLLMENT", "浙人社发〔2026〕40号", "2026-01-05", "2026-03-02", "2026-03-01", true))
                .statusCode(422).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("until")).body("errors[0].rule", equalTo("until-before-from"));
        sanction(ZHEJIANG, school, body("ILLEGAL_ENROLLMENT", "浙人社发〔2026〕40号", "2099-01-05", "2099-02-01", "2099-03-01", true))
                .statusCode(422).body("errors[0].field", equalTo("decidedOn")).body("errors[0].rule", equalTo("decided-in-future"));
        sanction(ZHEJIANG, school, "{\"kind\":\"BRIBERY\",\"decisionNumber\":\"x\",\"authority\":\"y\",\"decidedOn\":\"2026-01-05\","
                + "\"from\":\"2026-01-05\",\"until\":\"2026-01-06\"}").statusCode(400)
                .body("errors[0].field", equalTo("kind")).body("errors[0].rule", equalTo("enum"))
                .body(not(containsString("BRIBERY")));
        sanction(ZHEJIANG, school, "{\"kind\":\"OTHER\",\"decidedOn\":\"5 Jan 2026\",\"from\":\"2026-01-05\"}").statusCode(400)
                .body("errors.field", hasItems("decisionNumber", "authority", "decidedOn", "until"))
                .body("errors.rule", hasItems("required", "date-format")).body(not(containsString("5 Jan 2026")));
        String idNumber = TestData.idNumber(LocalDate.of(2010, 5, 17), true);
        sanction(ZHEJIANG, school, body("OTHER", "决定 " + idNumber, "2026-01-05", "2026-01-05", "2026-01-06", false))
                .statusCode(422).body("errors[0].field", equalTo("decisionNumber")).body("errors[0].rule", equalTo("no-id-number"))
                .body(not(containsString(idNumber)));

        sanction(ZHEJIANG, school, good).statusCode(201);
        sanction(ZHEJIANG, school, good).statusCode(409).body("errors[0].rule", equalTo("duplicate-sanction"));
    }

    @Test
    void aBrochureLinkIsAWebAddressAndAHotlineATelephoneNumber() {
        Map<String, Object> school = TestData.school(TestData.newCode("S"), TestData.HANGZHOU, "TECHNICAL_SCHOOL");
        school.put("brochureUrl", "javascript:alert(1)");
        school.put("complaintHotline", "call me maybe");
        given().auth().oauth2(ZHEJIANG).contentType(ContentType.JSON).body(school).post("/api/v1/schools").then()
                .statusCode(422).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("brochureUrl", "complaintHotline"))
                .body("errors.rule", hasItems("web-address", "phone-format"))
                .body(not(containsString("javascript:"))).body(not(containsString("call me maybe")));
        school.put("brochureUrl", "ftp://hr.example.cn/zs.pdf");
        school.put("complaintHotline", "12333");
        given().auth().oauth2(ZHEJIANG).contentType(ContentType.JSON).body(school).post("/api/v1/schools").then()
                .statusCode(422).body("errors[0].field", equalTo("brochureUrl"));
        school.put("brochureUrl", "http://hr.example.cn/zs.pdf");
        given().auth().oauth2(ZHEJIANG).contentType(ContentType.JSON).body(school).post("/api/v1/schools").then()
                .statusCode(201).body("brochureUrl", equalTo("http://hr.example.cn/zs.pdf"))
                .body("complaintHotline", equalTo("12333")).body("sanctions.size()", equalTo(0));
    }

    private static String newSchool(Map<String, Object> extra) {
        String code = TestData.newCode("S");
        Map<String, Object> school = new HashMap<>(TestData.school(code, TestData.HANGZHOU, "TECHNICIAN_COLLEGE"));
        school.putAll(extra);
        given().auth().oauth2(ZHEJIANG).contentType(ContentType.JSON).body(school).post("/api/v1/schools").then().statusCode(201);
        return code;
    }

    private static String body(String kind, String decisionNumber, String decidedOn, String from, String until, boolean suspends) {
        return "{\"kind\":\"" + kind + "\",\"decisionNumber\":\"" + decisionNumber + "\",\"authority\":\"浙江省人力资源和社会保障厅\","
                + "\"decidedOn\":\"" + decidedOn + "\",\"from\":\"" + from + "\",\"until\":\"" + until
                + "\",\"suspendsEnrollment\":" + suspends + "}";
    }

    private static ValidatableResponse sanction(String token, String school, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schools/{code}/sanctions", school).then();
    }

    private static Map<String, Object> enrolledOn(Map<String, Object> enrollment, String day) {
        enrollment.put("enrolledOn", day);
        return enrollment;
    }

    private static ValidatableResponse push(Map<String, Object> enrollment) {
        return given().auth().oauth2(TestTokens.school(enrollment.get("schoolCode").toString())).contentType(ContentType.JSON)
                .body(enrollment).post("/api/v1/enrollments").then();
    }

    private static ValidatableResponse record(String school, String sourceRecordId) {
        return given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, sourceRecordId).then();
    }
}
