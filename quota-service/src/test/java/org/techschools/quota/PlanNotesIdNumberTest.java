package org.techschools.quota;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.techschools.quota.EventFixtures.sendEvent;
import static org.techschools.quota.PlanWorkflowTest.create;
import static org.techschools.quota.PlanWorkflowTest.line;
import static org.techschools.quota.PlanWorkflowTest.plan;
import static org.techschools.quota.PlanWorkflowTest.school;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.techschools.commons.domain.Topics;
import org.techschools.quota.EventFixtures.Enrollment;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Notes and reasons of the plan workflow go to its history and plan-events: one that holds an ID number (spaced,
 * full-width, lower-case x) is refused with 422 no-id-number naming the field, and the answer does not repeat it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "quota"))
class PlanNotesIdNumberTest {

    private static final String HUZHOU = "330500";
    private static final List<String> TYPED = List.of("11010519491231002X", "学生 110105 19491231 002x", "１１０１０５１９４９１２３１００２Ｘ");

    @Test
    void aNoteOrReasonHoldingAnIdNumberIsRefusedAtEveryStepOfThePlan() {
        String school = school("NID", HUZHOU, "TECHNICAL_SCHOOL", false);
        String city = TestTokens.city(HUZHOU);
        String province = TestTokens.province("330000");
        String id = create(city, plan(school, 2036, line("0101", "INTERMEDIATE", "FULL_TIME", 40))).getString("id");
        given().auth().oauth2(city).when().post("/api/v1/plans/" + id + "/issue").then().statusCode(200);

        for (String typed : TYPED) {
            refused(post(province, "/api/v1/plans/" + id + "/file", "{\"note\":\"" + typed + "\"}"), "note");
        }
        post(province, "/api/v1/plans/" + id + "/file", "{\"note\":\"已备案\"}").statusCode(200).body("status", equalTo("FILED"));

        String adjustment = "{\"lines\":[" + line("0101", "INTERMEDIATE", "FULL_TIME", 45) + "],\"reason\":\"%s\"}";
        refused(post(city, "/api/v1/plans/" + id + "/adjustments", adjustment.formatted(TYPED.get(1))), "reason");
        String adjustmentId = post(city, "/api/v1/plans/" + id + "/adjustments", adjustment.formatted("企业订单班扩招")).statusCode(201)
                .extract().path("adjustments[0].id");
        String decision = "/api/v1/plans/" + id + "/adjustments/" + adjustmentId + "/decision";
        refused(post(province, decision, "{\"decision\":\"APPROVE\",\"note\":\"" + TYPED.get(0) + "\"}"), "note");
        post(province, decision, "{\"decision\":\"APPROVE\",\"note\":\"同意\"}").statusCode(200).body("total", equalTo(45));
    }

    @Test
    void anAlertNoteHoldingAnIdNumberIsRefused() {
        int year = 2037;
        String school = school("NIA", HUZHOU, "TECHNICAL_SCHOOL", false);
        sendEvent(Topics.ENROLLMENT_EVENTS, new Enrollment(school, HUZHOU, year).recorded());
        String province = TestTokens.province("330000");
        String alert = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(province).queryParam("year", year).queryParam("school", school)
                        .when().get("/api/v1/plan-alerts").then().statusCode(200).extract().<List<String>>path("items.id"),
                        ids -> !ids.isEmpty()).get(0);
        String transitions = "/api/v1/plan-alerts/" + alert + "/transitions";
        refused(post(province, transitions, "{\"to\":\"INVESTIGATING\",\"note\":\"" + TYPED.get(2) + "\"}"), "note");
        post(province, transitions, "{\"to\":\"INVESTIGATING\",\"note\":\"核查\"}").statusCode(200);
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static void refused(ValidatableResponse answer, String field) {
        String body = answer.statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].rule", equalTo("no-id-number")).extract().asString();
        assertFalse(body.contains("19491231") || body.contains("１９４９１２３１"), body);
    }
}
