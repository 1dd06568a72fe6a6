package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.techschools.quota.EventFixtures.awaitConsumed;
import static org.techschools.quota.EventFixtures.sendEvent;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * 年度总结报送: a city files its summary on time or late (due 30 November; the test profile moves 2026's due day to
 * 2099), the province sees which cities filed, overdue summaries are listed and announced once on quota-events; and the
 * national centre's target-vs-actual view of the provinces with targets.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class AnnualSummaryFilingTest {

    private static final String ZHEJIANG = "330000";
    private static final String WENZHOU = "330300";
    private static final String JIAXING = "330400";
    private static final String HUZHOU = "330500";
    private static final String SHAOXING = "330600";

    @Test
    void aCityFilesItsSummaryOnTimeOrLateAndTheProvinceSeesWhichCitiesFiled() {
        String wenzhou = TestTokens.city(WENZHOU);
        // 2026 is due on 2099-11-30 in the test profile: filed before it, on time; the figures are the city's summary.
        file(wenzhou, 2026, WENZHOU).statusCode(200).body("timeliness", equalTo("ON_TIME")).body("dueOn", equalTo("2099-11-30"))
                .body("cityName", equalTo("温州市")).body("filed.total.code", equalTo(WENZHOU)).body("filed.scopeCityCode", equalTo(WENZHOU))
                .body("earlier", empty());
        // A refiling supersedes the filing before, which is kept; the first filing still decides timeliness.
        file(wenzhou, 2026, WENZHOU).statusCode(200).body("timeliness", equalTo("ON_TIME")).body("earlier", hasSize(1))
                .body("earlier[0].supersededAt", notNullValue());
        // 2025 was due on 2025-11-30: filed now, late.
        file(TestTokens.city(JIAXING), 2025, JIAXING).statusCode(200).body("timeliness", equalTo("LATE"))
                .body("dueOn", equalTo("2025-11-30"));

        JsonPath y2026 = checklist(TestTokens.province(ZHEJIANG), 2026).statusCode(200).extract().jsonPath();
        assertEquals("FILED", y2026.getString("cities.find { it.cityCode == '330300' }.status"));
        assertEquals("ON_TIME", y2026.getString("cities.find { it.cityCode == '330300' }.timeliness"));
        assertEquals("MISSING", y2026.getString("cities.find { it.cityCode == '330500' }.status"));
        assertEquals("NOT_YET_DUE", y2026.getString("cities.find { it.cityCode == '330500' }.timeliness"));
        assertEquals(11, y2026.getList("cities").size(), "every city of 浙江");
        assertEquals(y2026.getInt("filed") + y2026.getInt("missing"), 11);
        JsonPath y2025 = checklist(TestTokens.national(), 2025).statusCode(200).extract().jsonPath();
        assertEquals("LATE", y2025.getString("cities.find { it.cityCode == '330400' }.timeliness"));
        assertEquals("OVERDUE", y2025.getString("cities.find { it.cityCode == '330600' }.timeliness"));

        // The filing as filed, for the city itself, its province and the national centre; not for another city.
        for (String reader : List.of(wenzhou, TestTokens.province(ZHEJIANG), TestTokens.national())) {
            given().auth().oauth2(reader).get("/api/v1/annual-summaries/2026/cities/{c}/filing", WENZHOU).then().statusCode(200)
                    .body("cityCode", equalTo(WENZHOU)).body("filedBy", notNullValue());
        }
        given().auth().oauth2(TestTokens.city(HUZHOU)).get("/api/v1/annual-summaries/2026/cities/{c}/filing", WENZHOU).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.province("320000")).get("/api/v1/annual-summaries/2026/cities/{c}/filing", WENZHOU).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.province(ZHEJIANG)).get("/api/v1/annual-summaries/2026/cities/{c}/filing", HUZHOU).then()
                .statusCode(404);
    }

    @Test
    void filingIsTheCitysOwnForAYearThePlatformAsksFor() {
        file(TestTokens.city(WENZHOU), 2026, HUZHOU).statusCode(403);
        file(TestTokens.province(ZHEJIANG), 2026, HUZHOU).statusCode(403);
        file(TestTokens.city(HUZHOU), 2019, HUZHOU).statusCode(422).body("errors[0].field", equalTo("year"))
                .body("errors[0].rule", equalTo("summary-year"));
        file(TestTokens.city(HUZHOU), 2090, HUZHOU).statusCode(422).body("errors[0].rule", equalTo("summary-year"));
        file(TestTokens.city(HUZHOU), 2026, "3305").statusCode(400).body("errors[0].field", equalTo("cityCode"));
        given().auth().oauth2(TestTokens.province("320000")).queryParam("province", ZHEJIANG).get("/api/v1/annual-summaries/2026/filings")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.city(HUZHOU)).queryParam("province", ZHEJIANG).get("/api/v1/annual-summaries/2026/filings")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.national()).get("/api/v1/annual-summaries/2026/filings").then().statusCode(400)
                .body("errors[0].field", equalTo("province"));
    }

    @Test
    void aCityOfAProvinceWithoutAListOfCitiesOwesASummaryOnceItHasASchool() {
        String hefei = "340100";
        given().auth().oauth2(TestTokens.province("340000")).queryParam("province", "340000").get("/api/v1/annual-summaries/2025/filings")
                .then().statusCode(200).body("cities", empty());
        file(TestTokens.city(hefei), 2025, hefei).statusCode(404);
        String school = EventFixtures.schoolCode("HF");
        sendEvent(Topics.SCHOOL_EVENTS, EventFixtures.schoolUpserted(school, "合肥技师学院", "340000", hefei));
        awaitConsumed(Topics.SCHOOL_EVENTS);

        file(TestTokens.city(hefei), 2025, hefei).statusCode(200).body("provinceCode", equalTo("340000")).body("timeliness", equalTo("LATE"));
        given().auth().oauth2(TestTokens.province("340000")).queryParam("province", "340000").get("/api/v1/annual-summaries/2025/filings")
                .then().statusCode(200).body("cities.cityCode", equalTo(List.of(hefei))).body("late", equalTo(1));
    }

    @Test
    void overdueSummariesAreListedAndAnnouncedOncePerCityOnQuotaEvents() {
        file(TestTokens.city(JIAXING), 2025, JIAXING).statusCode(200);
        String province = TestTokens.province(ZHEJIANG);
        given().auth().oauth2(province).queryParam("year", 2025).get("/api/v1/annual-summaries/overdue").then().statusCode(200)
                .body("cityCode", hasItem(SHAOXING)).body("cityCode", not(hasItem(JIAXING)))
                .body("find { it.cityCode == '330600' }.dueOn", equalTo("2025-11-30"))
                .body("find { it.cityCode == '330600' }.provinceCode", equalTo(ZHEJIANG));
        // Not yet due: nothing overdue.
        given().auth().oauth2(province).queryParam("year", 2026).get("/api/v1/annual-summaries/overdue").then().statusCode(200)
                .body("$", empty());
        // Without a year: every year due so far (from first-year, 2024).
        given().auth().oauth2(TestTokens.national()).get("/api/v1/annual-summaries/overdue").then().statusCode(200)
                .body("year", hasItem(2024)).body("year", hasItem(2025)).body("year", not(hasItem(2026)));
        given().auth().oauth2(TestTokens.province("320000")).queryParam("province", ZHEJIANG).get("/api/v1/annual-summaries/overdue")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.city(SHAOXING)).get("/api/v1/annual-summaries/overdue").then().statusCode(403);

        // 绍兴 2025 was announced once, however often the check ran (every second in the test profile); 2026 never.
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(SHAOXING, 2025).size() == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        List<String> events = overdueEvents(SHAOXING, 2025);
        assertEquals(1, events.size(), "one AnnualSummaryOverdue per city and year");
        assertEquals(Set.of(), EventContracts.violations(events.get(0), "AnnualSummaryOverdue"));
        assertEquals(List.of(), overdueEvents(SHAOXING, 2026));
    }

    @Test
    void theNationalCentreSeesTargetAgainstActualOfEveryProvinceWithATarget() {
        given().auth().oauth2(TestTokens.national()).contentType("text/csv; charset=UTF-8")
                .body("year,level,code,classLevel,target\n2033,PROVINCE,320000,,5000\n2033,PROVINCE,330000,,8000\n")
                .post("/api/v1/targets/import").then().statusCode(200);
        sendEvent(Topics.ENROLLMENT_EVENTS, new Enrollment(EventFixtures.schoolCode("NAT"), "330100", 2033).recorded());
        sendEvent(Topics.ENROLLMENT_EVENTS, new Enrollment(EventFixtures.schoolCode("NAT"), "330200", 2033).recorded());
        sendEvent(Topics.ENROLLMENT_EVENTS, new Enrollment(EventFixtures.schoolCode("NAT"), "440100", 2033).recorded());
        awaitConsumed(Topics.ENROLLMENT_EVENTS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.national()).queryParam("year", 2033)
                .get("/api/v1/progress/national").then().statusCode(200)
                .body("provinces.provinceCode", equalTo(List.of("320000", "330000")))
                .body("provinces.find { it.provinceCode == '330000' }.actual", equalTo(2))
                .body("provinces.find { it.provinceCode == '330000' }.target", equalTo(8000))
                .body("provinces.find { it.provinceCode == '320000' }.actual", equalTo(0))
                .body("target", equalTo(13000)).body("actual", equalTo(2)));
        // A province without a target (广东 here) is not listed; the view is the national centre's.
        given().auth().oauth2(TestTokens.province(ZHEJIANG)).queryParam("year", 2033).get("/api/v1/progress/national").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.national()).get("/api/v1/progress/national").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.national()).queryParam("year", 2034).get("/api/v1/progress/national").then().statusCode(200)
                .body("provinces", empty()).body("completionPct", nullValue());
    }

    private static io.restassured.response.ValidatableResponse file(String token, int year, String city) {
        return given().auth().oauth2(token).post("/api/v1/annual-summaries/{y}/cities/{c}/filing", year, city).then();
    }

    private static io.restassured.response.ValidatableResponse checklist(String token, int year) {
        return given().auth().oauth2(token).queryParam("province", ZHEJIANG).get("/api/v1/annual-summaries/{y}/filings", year).then();
    }

    private static List<String> overdueEvents(String city, int year) {
        return org.techschools.testinfra.TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), Topics.QUOTA_EVENTS).stream()
                .map(ConsumerRecord::value)
                .filter(v -> v.contains("\"eventType\":\"AnnualSummaryOverdue\"") && v.contains("\"cityCode\":\"" + city + "\"")
                        && v.contains("\"year\":" + year + ","))
                .toList();
    }
}
