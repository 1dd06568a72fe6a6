package org.techschools.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A person at the console in the tests: signs in through the demo sign-in and reads what the served HTML shows. */
public final class ConsolePages {

    public static final String COOKIE = "techschools_session";
    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private ConsolePages() {
    }

    /** Signs in as the role (school and region as the sign-in page takes them); answers the session cookie's value. */
    public static String signIn(String role, String school, String region) {
        Response answer = given().redirects().follow(false).contentType(FORM).formParam("role", role)
                .formParam("school", school == null ? "" : school).formParam("region", region == null ? "" : region)
                .when().post("/console/sign-in");
        answer.then().statusCode(303).header("Set-Cookie", containsString("HttpOnly"));
        return answer.getCookie(COOKIE);
    }

    /** A request of the signed-in person, as a browser sends it (cookie, no bearer token, redirects not followed). */
    public static RequestSpecification as(String session) {
        return given().redirects().follow(false).cookie(COOKIE, session);
    }

    /** The csrf value the page's forms carry. */
    public static String csrf(String html) {
        return first(html, "name=\"csrf\" value=\"([^\"]+)\"");
    }

    /** The text of the element carrying {@code attribute="value"}, e.g. a 进展表 cell {@code data-cell="TOTAL-fullTime"}. */
    public static String text(String html, String attribute, String value) {
        return first(html, attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>([^<]*)<").strip();
    }

    private static String first(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no " + regex);
        }
        return m.group(1);
    }
}
