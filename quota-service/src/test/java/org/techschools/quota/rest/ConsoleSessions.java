package org.techschools.quota.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Signs in on the demo sign-in page as a browser does, and reads what the pages show. */
final class ConsoleSessions {

    static final String COOKIE = "techschools_session";
    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private ConsoleSessions() {
    }

    /** The session cookie of a person signed in with this role and region (a city or province code, or null). */
    static String signIn(String role, String region) {
        Response answer = given().redirects().follow(false).contentType(FORM).formParam("role", role)
                .formParam("school", "").formParam("region", region == null ? "" : region)
                .when().post("/console/sign-in");
        answer.then().statusCode(303).header("Set-Cookie", containsString("HttpOnly"));
        return answer.getCookie(COOKIE);
    }

    static RequestSpecification as(String session) {
        return given().redirects().follow(false).cookie(COOKIE, session);
    }

    /** The page as the signed-in person gets it (200, HTML). */
    static String page(String session, String path) {
        return as(session).when().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
    }

    /** The csrf value the page's forms carry. */
    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no csrf field on the page");
        }
        return m.group(1);
    }

    /** The text of the element carrying {@code data-figure="figure"} inside the row {@code <tr rowAttribute>}. */
    static String cell(String page, String rowAttribute, String figure) {
        Matcher row = Pattern.compile("(?s)<tr " + Pattern.quote(rowAttribute) + ">(.*?)</tr>").matcher(page);
        if (!row.find()) {
            throw new AssertionError("no row " + rowAttribute);
        }
        return figure(row.group(1), figure);
    }

    /** The text of the first element carrying {@code data-figure="figure"} (tags inside it dropped). */
    static String figure(String html, String figure) {
        Matcher m = Pattern.compile("(?s)data-figure=\"" + Pattern.quote(figure) + "\">(.*?)</(td|div|p|span|b)>")
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no figure " + figure);
        }
        return m.group(1).replaceAll("<[^>]+>", "").strip();
    }

    /** Every value of the attribute on the page, in order. */
    static List<String> attributes(String page, String attribute) {
        Matcher m = Pattern.compile(Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(page);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** A figure as the pages print it: 12,540. */
    static String grouped(long value) {
        return String.format("%,d", value);
    }
}
