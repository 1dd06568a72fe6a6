package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * An ID number is accepted as school systems type it — full-width digits, a lower-case x, stray spaces of any width —
 * and is the same person as its plain spelling: the same record, not a refusal and not a second person.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class IdNumberSpellingTest {

    @Test
    void fullWidthLowerCaseAndSpacedSpellingsAreTheSamePerson() {
        String school = TestData.createSchool(TestData.HANGZHOU);
        String id = idEndingInX();
        push(TestData.enrollment(school, "SP-1", id)).statusCode(201).body("version", equalTo(1));

        for (String typed : new String[] { id.toLowerCase(), " " + id.substring(0, 6) + " " + id.substring(6, 14) + "\u3000" + id.substring(14),
                fullWidth(id).replace('Ｘ', 'ｘ'), fullWidth(id.substring(0, 9)) + "\u00A0" + id.substring(9) }) {
            // The same record with the ID typed another way: unchanged, so the same person key and stored number.
            push(TestData.enrollment(school, "SP-1", typed)).statusCode(200).header("X-Enrollment-Outcome", "UNCHANGED")
                    .body("version", equalTo(1));
        }
        given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, "SP-1").then()
                .statusCode(200).body("version", equalTo(1));

        // A new record typed full-width is accepted as it is, not refused for its spelling.
        push(TestData.enrollment(school, "SP-2", fullWidth(TestData.idNumber(LocalDate.of(2010, 5, 17), true))))
                .statusCode(201);
    }

    /** A valid ID of a boy born 2010-05-17 whose check character is X. */
    private static String idEndingInX() {
        while (true) {
            String id = TestData.idNumber(LocalDate.of(2010, 5, 17), true);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
        return out.toString();
    }

    private static ValidatableResponse push(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.school(body.get("schoolCode").toString())).contentType(ContentType.JSON)
                .body(body).post("/api/v1/enrollments").then();
    }
}
