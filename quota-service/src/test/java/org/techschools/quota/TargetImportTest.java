package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 目标任务表 import from CSV: a real table file (src/test/resources/targets/jiangsu-2040.csv) is imported all or
 * nothing, re-imported without effect, and refused as a whole when one row is broken. Jiangsu 2040–2045: years and a
 * province no other test sets targets for.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class TargetImportTest {

    private static final String JIANGSU = "320000";

    private static String table() throws IOException {
        try (InputStream in = TargetImportTest.class.getResourceAsStream("/targets/jiangsu-2040.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonPath importCsv(String token, String csv, int status) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/targets/import")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath targets(int year) {
        return given().auth().oauth2(TestTokens.province(JIANGSU)).queryParam("year", year)
                .when().get("/api/v1/targets")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTargetTableIsImportedShownWithItsDiscrepanciesAndReimportedWithoutEffect() throws IOException {
        JsonPath first = importCsv(TestTokens.province(JIANGSU), table(), 200);
        assertEquals(7, first.getInt("rows"));
        assertEquals(7, first.getInt("created"));
        assertEquals(0, first.getInt("updated"));

        JsonPath year2040 = targets(2040);
        assertEquals(5, year2040.getList("targets").size());
        assertEquals(50000, year2040.getInt("targets.find { it.scope == 'PROVINCE' }.target"));
        assertEquals(4000, year2040.getInt("targets.find { it.scopeCode == '320100' && it.classLevel == 'ADVANCED' }.target"));
        assertEquals("苏人社函〔2040〕1号", year2040.getString("targets.find { it.scopeCode == '320200' }.source"));
        // 12000 + 9000 of 50000: shown, not refused.
        assertEquals(1, year2040.getList("discrepancies").size());
        assertEquals(21000, year2040.getInt("discrepancies[0].childSum"));
        assertEquals(-29000, year2040.getInt("discrepancies[0].difference"));
        assertEquals("苏人社函〔2040〕1号, 附件", targets(2041).getString("targets.find { it.scope == 'PROVINCE' }.source"));

        // The same table again: nothing changes.
        JsonPath again = importCsv(TestTokens.province(JIANGSU), table(), 200);
        assertEquals(7, again.getInt("rows"));
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(7, again.getInt("unchanged"));
        assertEquals(year2040.prettify(), targets(2040).prettify());

        // A corrected figure updates that target only.
        JsonPath corrected = importCsv(TestTokens.national(), table().replace("2040,CITY,320200,,9000", "2040,CITY,320200,,38000"),
                200);
        assertEquals(1, corrected.getInt("updated"));
        assertEquals(6, corrected.getInt("unchanged"));
        given().auth().oauth2(TestTokens.province(JIANGSU)).queryParam("year", 2040)
                .when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("targets.find { it.scopeCode == '320200' }.target", equalTo(38000))
                .body("discrepancies", hasSize(0));
    }

    @Test
    void aBrokenRowRefusesTheWholeTableNamingTheLineAndColumn() {
        String csv = """
                year,level,code,classLevel,target
                2042,PROVINCE,320000,,1000
                2042,CITY,320100,,600
                2042,CITY,320200,,-5
                2042,CITY,3202,,100
                2042,TOWN,320300,,100
                2042,CITY,320300,SENIOR,100
                2042,CITY,320100,,700
                """;
        given().auth().oauth2(TestTokens.province(JIANGSU)).contentType("text/csv").body(csv)
                .when().post("/api/v1/targets/import")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rows[4].target"))
                .body("errors.find { it.field == 'rows[4].target' }.rule", equalTo("non-negative-integer"))
                .body("errors.find { it.field == 'rows[5].code' }.rule", equalTo("city-code"))
                .body("errors.find { it.field == 'rows[6].level' }.rule", equalTo("invalid-value"))
                .body("errors.find { it.field == 'rows[7].classLevel' }.rule", equalTo("invalid-value"))
                .body("errors.find { it.field == 'rows[8].code' }.rule", equalTo("duplicate-row"))
                .body("errors.find { it.field == 'rows[8].code' }.message", equalTo(
                        "line 8: code the same year, level, code and class level as line 3"));
        assertEquals(0, targets(2042).getList("targets").size(), "nothing of the table was imported");

        given().auth().oauth2(TestTokens.province(JIANGSU)).contentType("text/csv").body("year,level,code\n2042,CITY,320100\n")
                .when().post("/api/v1/targets/import")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].rule", equalTo("missing-column"));
        given().auth().oauth2(TestTokens.province(JIANGSU)).contentType("text/csv")
                .body("year,level,code,target\n2042,SCHOOL,NO-SUCH-SCHOOL,10\n2042,CITY,320100,10,extra\n")
                .when().post("/api/v1/targets/import")
                .then().statusCode(422)
                .body("errors.find { it.field == 'rows[2].code' }.rule", equalTo("unknown-school"))
                .body("errors.find { it.field == 'rows[3].line' }.rule", equalTo("column-count"));
    }

    @Test
    void aQuotedSourceWithALineBreakIsOneRowAndErrorsNameTheLineARowStartsOn() {
        String rows = "year,level,code,target,source\r\n2045,PROVINCE,320000,800,\"苏人社函〔2045〕3号\r\n附件一\"\r\n"
                + "2045,CITY,320100,300,\r\n";
        given().auth().oauth2(TestTokens.province(JIANGSU)).contentType("text/csv").body(rows + "2045,CITY,\"3202\n00\",-1,\r\n")
                .when().post("/api/v1/targets/import")
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("rows[5].code", "rows[5].target")));
        JsonPath imported = importCsv(TestTokens.province(JIANGSU), rows, 200);
        assertEquals(2, imported.getInt("rows"));
        assertEquals("苏人社函〔2045〕3号\r\n附件一", targets(2045).getString("targets.find { it.scope == 'PROVINCE' }.source"));
    }

    @Test
    void schoolTargetsThatDoNotAddUpToTheirCityAreShownAsADiscrepancy() {
        String school = EventFixtures.schoolCode("NJ");
        EventFixtures.sendEvent(Topics.SCHOOL_EVENTS, EventFixtures.schoolUpserted(school, "南京技师学院", JIANGSU, "320100"));
        EventFixtures.awaitConsumed(Topics.SCHOOL_EVENTS);
        importCsv(TestTokens.province(JIANGSU), "year,level,code,target\n2044,CITY,320100,100\n2044,SCHOOL," + school
                + ",60\n2044,SCHOOL," + school + "-X,1\n", 422);
        JsonPath imported = importCsv(TestTokens.province(JIANGSU),
                "year,level,code,target\n2044,CITY,320100,100\n2044,SCHOOL," + school + ",60\n", 200);
        assertEquals(2, imported.getInt("created"));
        JsonPath listing = targets(2044);
        assertEquals(1, listing.getList("discrepancies").size());
        assertEquals("CITY", listing.getString("discrepancies[0].parentScope"));
        assertEquals("320100", listing.getString("discrepancies[0].parentCode"));
        assertEquals("SCHOOL", listing.getString("discrepancies[0].childScope"));
        assertEquals(60, listing.getInt("discrepancies[0].childSum"));
        assertEquals(-40, listing.getInt("discrepancies[0].difference"));
        assertEquals("南京技师学院", listing.getString("targets.find { it.scope == 'SCHOOL' }.scopeName"));
    }

    @Test
    void onlyTheNationalCentreAndTheProvinceOfTheRowsImport() {
        String zhejiang = "year,level,code,target\n2043,CITY,330100,10\n";
        given().auth().oauth2(TestTokens.province(JIANGSU)).contentType("text/csv").body(zhejiang)
                .when().post("/api/v1/targets/import")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("rows[2].code"))
                .body("errors[0].rule", equalTo("outside-scope"));
        given().auth().oauth2(TestTokens.province(JIANGSU)).contentType("text/csv")
                .body("year,level,code,target\n2043,NATIONAL,000000,1000000\n")
                .when().post("/api/v1/targets/import")
                .then().statusCode(422)
                .body("errors[0].rule", equalTo("outside-scope"));
        given().auth().oauth2(TestTokens.city("320100")).contentType("text/csv").body("year,level,code,target\n2043,CITY,320100,10\n")
                .when().post("/api/v1/targets/import")
                .then().statusCode(403);
        given().contentType("text/csv").body(zhejiang).when().post("/api/v1/targets/import").then().statusCode(401);

        JsonPath national = importCsv(TestTokens.national(), "year,level,code,target\n2043,NATIONAL,000000,1000000\n", 200);
        assertEquals(1, national.getInt("created"));
        given().auth().oauth2(TestTokens.national()).queryParam("year", 2043)
                .when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("targets.find { it.scope == 'NATIONAL' }.target", equalTo(1000000))
                .body("targets.find { it.scope == 'NATIONAL' }.scopeName", equalTo("全国"));
    }
}
