package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/** 目标任务: the Zhejiang “五年攻坚” table (浙人社函〔2023〕37号) as shipped data, read through the API. */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class TargetsTest {

    @Test
    void zhejiangCityTargetsAddUpToTheProvinceTargetEveryYearAndToSixHundredThousandOverFiveYears() {
        JsonPath body = given().auth().oauth2(TestTokens.national())
                .queryParam("province", "330000")
                .when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("discrepancies", hasSize(0))
                .extract().jsonPath();

        List<Map<String, Object>> targets = body.getList("targets");
        Map<Integer, Integer> province = new HashMap<>();
        Map<Integer, Integer> citySum = new HashMap<>();
        Map<Integer, Integer> cityCount = new HashMap<>();
        for (Map<String, Object> t : targets) {
            int year = (Integer) t.get("year");
            int target = (Integer) t.get("target");
            // The seed-002 table: other tests set targets of later years in the same database.
            if (t.get("classLevel") != null || year < 2023 || year > 2027) {
                continue;
            }
            if ("PROVINCE".equals(t.get("scope"))) {
                assertEquals("330000", t.get("scopeCode"));
                assertEquals("浙江省", t.get("scopeName"));
                assertEquals("浙人社函〔2023〕37号", t.get("source"));
                province.put(year, target);
            } else if ("CITY".equals(t.get("scope"))) {
                citySum.merge(year, target, Integer::sum);
                cityCount.merge(year, 1, Integer::sum);
            }
        }
        assertEquals(Map.of(2023, 100000, 2024, 110000, 2025, 120000, 2026, 130000, 2027, 140000), province);
        for (int year = 2023; year <= 2027; year++) {
            assertEquals(province.get(year), citySum.get(year), "city targets of " + year + " add up to the province target");
            assertEquals(11, cityCount.get(year), "11 cities in " + year);
        }
        assertEquals(600000, province.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(600000, (Integer) body.get("campaigns.find { it.scopeCode == '330000' }.target"));
    }

    @Test
    void aYearFiltersTheTableAndCitiesAreNamed() {
        given().auth().oauth2(TestTokens.province("330000"))
                .queryParam("year", "2025")
                .when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("provinceCode", equalTo("330000"))
                .body("targets", hasSize(12))
                .body("targets.find { it.scopeCode == '330100' }.target", equalTo(22320))
                .body("targets.find { it.scopeCode == '330100' }.scopeName", equalTo("杭州市"))
                .body("targets.find { it.scopeCode == '330900' }.target", equalTo(2040));
    }

    @Test
    void cityTargetsThatDoNotAddUpAreShownAsDiscrepancies() {
        PlatformInfra.get().postgres().execute("quota", """
                INSERT INTO region (code, name, parent_code) VALUES ('320000', '江苏省', NULL) ON CONFLICT DO NOTHING;
                INSERT INTO target (year, scope, scope_code, class_level, target, source) VALUES
                    (2031, 'PROVINCE', '320000', NULL, 1000, 'test'),
                    (2031, 'CITY', '320100', NULL, 600, 'test'),
                    (2031, 'CITY', '320200', NULL, 300, 'test')
                ON CONFLICT DO NOTHING;
                """);
        given().auth().oauth2(TestTokens.auditor())
                .queryParam("year", "2031").queryParam("province", "320000")
                .when().get("/api/v1/targets")
                .then().statusCode(200)
                .body("targets", hasSize(3))
                .body("discrepancies", hasSize(1))
                .body("discrepancies[0].parentTarget", equalTo(1000))
                .body("discrepancies[0].childSum", equalTo(900))
                .body("discrepancies[0].difference", equalTo(-100));
    }

    @Test
    void targetsComePageByPageWithAMaximumPageSize() {
        List<Object> all = given().auth().oauth2(TestTokens.national()).queryParam("province", "330000")
                .when().get("/api/v1/targets").then().statusCode(200).body("nextCursor", equalTo(null))
                .extract().jsonPath().getList("targets");
        List<Object> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.national()).queryParam("province", "330000").queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/targets").then().statusCode(200)
                    .body("campaigns.find { it.scopeCode == '330000' }.target", equalTo(600000))
                    .extract().jsonPath();
            List<Object> rows = page.getList("targets");
            assertTrue(rows.size() <= 7);
            paged.addAll(rows);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(all, paged, "the pages together are the whole table, in order, without repeats");
        assertTrue(all.size() > 7);

        given().auth().oauth2(TestTokens.national()).queryParam("limit", 2001).when().get("/api/v1/targets").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit")).body("errors[0].rule", equalTo("out-of-range"));
        given().auth().oauth2(TestTokens.national()).queryParam("cursor", "bm90IG91cnM").when().get("/api/v1/targets").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor")).body("errors[0].rule", equalTo("cursor-format"));
    }

    @Test
    void targetsAreScopedAndValidated() {
        given().when().get("/api/v1/targets?province=330000").then().statusCode(401);
        given().auth().oauth2(TestTokens.province("320000"))
                .queryParam("province", "330000")
                .when().get("/api/v1/targets")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.school("S1"))
                .when().get("/api/v1/targets")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.national())
                .queryParam("year", "twenty")
                .when().get("/api/v1/targets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
    }
}
