package org.techschools.registration.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.registration.support.Alerts;
import org.techschools.registration.support.Enrollment;
import org.techschools.registration.support.TestEvents;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

/**
 * Rosters of 普高 and 中职 (docs/DOMAIN.md#rosters): upload, per-line errors without echoing IDs, replacement on re-upload,
 * CROSS_SYSTEM_REGISTRATION both ways (new 学籍 against the roster, new roster against the 学籍), and speed.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RosterTest {

    private static final String HEADER = "idNumber,name,gender,birthDate,schoolName,status\n";
    /** A run of digits as long as an ID number's: the personKeys used here never hold one (see {@link #person}). */
    private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dXx]");

    @Inject
    PersonKeys personKeys;

    /** A valid ID number whose personKey holds no ID-like digit run, with the person's other data. */
    private record Person(String id, String personKey, LocalDate born, boolean male) {

        String row(String name, String status) {
            return id + "," + name + "," + (male ? "MALE" : "FEMALE") + "," + born + ",某某中学," + status + "\n";
        }
    }

    private Person person(String region) {
        while (true) {
            LocalDate born = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
            int sequence = ThreadLocalRandom.current().nextInt(1000);
            String first17 = region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            String key = personKeys.personKey("RESIDENT_ID", id);
            if (!ID_LIKE.matcher(key).find() && !Pattern.compile("\\d{10}").matcher(key).find()) {
                return new Person(id, key, born, sequence % 2 == 1);
            }
        }
    }

    private static JsonPath upload(String token, String system, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/rosters/" + system)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void badLinesAreReportedByLineFieldAndRuleWithoutEchoingTheId() {
        Person good = person("330102");
        String badCheckDigit = good.id().substring(0, 17) + (good.id().charAt(17) == '0' ? "1" : "0");
        String csv = HEADER + good.row("李雷", "在籍")
                + badCheckDigit + ",韩梅梅,FEMALE,1999-01-01,某某中学,在籍\n"
                + good.id() + ",韩梅梅,X,1999-01-01,某某中学,在籍\n"
                + "12345,,MALE,not-a-date,,\n"
                + "only,three,columns\n";
        given().auth().oauth2(TestTokens.province("510000")).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/rosters/SECONDARY_VOCATIONAL")
                .then().statusCode(200)
                .body(not(containsString(good.id())))
                .body(not(containsString(badCheckDigit)))
                .body("rows", equalTo(5))
                .body("accepted", equalTo(1))
                .body("rejectedCount", equalTo(4));
        JsonPath report = upload(TestTokens.province("510000"), "SECONDARY_VOCATIONAL", csv);
        List<Map<String, Object>> rows = report.getList("rejected");
        List<String> rejected = rows.stream().map(r -> r.get("line") + ":" + r.get("field") + ":" + r.get("rule")).toList();
        assertThat(rejected, hasItem("3:idNumber:id-check-digit"));
        assertThat(rejected, hasItem("4:gender:invalid-value"));
        assertThat(rejected, hasItem("4:birthDate:id-mismatch"));
        assertThat(rejected, hasItem("5:idNumber:id-format"));
        assertThat(rejected, hasItem("5:name:required"));
        assertThat(rejected, hasItem("5:birthDate:invalid-value"));
        assertThat(rejected, hasItem("6:line:column-count"));
    }

    @Test
    void aQuotedSchoolNameWithALineBreakIsOneRowAndLaterLinesKeepTheirNumbers() {
        Person first = person("330102");
        Person second = person("330102");
        String csv = HEADER + first.id() + ",李雷," + (first.male() ? "MALE" : "FEMALE") + "," + first.born() + ",\"杭州市\r\n第一中学\",在籍\n"
                + "only,three,columns\n"
                + second.row("韩梅梅", "在籍");
        JsonPath report = upload(TestTokens.province("620000"), "SECONDARY_VOCATIONAL", csv);
        assertThat(report.getInt("rows"), equalTo(3));
        assertThat(report.getInt("accepted"), equalTo(2));
        List<Map<String, Object>> rows = report.getList("rejected");
        assertThat(rows.stream().map(r -> r.get("line") + ":" + r.get("field") + ":" + r.get("rule")).toList(),
                equalTo(List.of("4:line:column-count")));
    }

    @Test
    void wrongSystemHeaderOrRoleAreRefused() {
        given().auth().oauth2(TestTokens.province("330000")).contentType("text/csv").body(HEADER)
                .when().post("/api/v1/rosters/UNIVERSITY")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("system"));
        given().auth().oauth2(TestTokens.province("330000")).contentType("text/csv").body("id,name\n")
                .when().post("/api/v1/rosters/GENERAL_HIGH_SCHOOL")
                .then().statusCode(400).body("errors.field", hasItem("header"));
        given().auth().oauth2(TestTokens.city("330100")).contentType("text/csv").body(HEADER)
                .when().post("/api/v1/rosters/GENERAL_HIGH_SCHOOL").then().statusCode(403);
        given().contentType("text/csv").body(HEADER).when().post("/api/v1/rosters/GENERAL_HIGH_SCHOOL").then().statusCode(401);
    }

    @Test
    void aNewRegistrationOfSomeoneOnAnActiveRosterIsCrossSystem() {
        Person onRoster = person("420102");
        Person graduated = person("420102");
        upload(TestTokens.province("420000"), "GENERAL_HIGH_SCHOOL",
                HEADER + onRoster.row("赵六", "在籍") + graduated.row("钱七", "毕业"));

        Enrollment e = Enrollment.of(onRoster.personKey(), TestEvents.schoolCode()).named("赵六");
        Enrollment notActive = Enrollment.of(graduated.personKey(), TestEvents.schoolCode()).named("钱七");
        sendEnrollmentEvent(e.personKey, e.recorded());
        sendEnrollmentEvent(notActive.personKey, notActive.recorded());

        Map<String, Object> alert = Alerts.awaitCount(e.schoolCode, "CROSS_SYSTEM_REGISTRATION", 1).get(0);
        assertThat(alert.get("severity"), equalTo("HIGH"));
        assertThat(Alerts.recordKeys(alert), containsInAnyOrder(e.schoolCode + "/" + e.sourceRecordId));
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
        assertThat(evidence.get("rosterSystem"), equalTo("GENERAL_HIGH_SCHOOL"));
        assertThat(evidence.get("rosterProvince"), equalTo("420000"));
        assertThat(evidence.get("rosterStatus"), equalTo("在籍"));
        assertThat(evidence.get("idNumberMasked"), equalTo(PersonKeys.mask(onRoster.id())));
        assertThat(alert.toString(), not(containsString(onRoster.id())));

        Alerts.awaitChecked(notActive, 1);
        assertThat(Alerts.ofSchool(notActive.schoolCode), empty());
    }

    @Test
    void anUploadFlagsRegistrationsRetroactivelyAndAReUploadReplacesTheRoster() {
        Person p = person("330102");
        Enrollment e = Enrollment.of(p.personKey(), TestEvents.schoolCode()).named("孙八");
        sendEnrollmentEvent(e.personKey, e.recorded());
        Alerts.awaitChecked(e, 1);
        assertThat(TestEvents.checkResultsOf(e).get(0).path("checkStatus").asText(), equalTo("CLEAN"));

        JsonPath report = upload(TestTokens.province("330000"), "SECONDARY_VOCATIONAL", HEADER + p.row("孙八", "在籍"));
        assertThat(report.getInt("accepted"), equalTo(1));
        Map<String, Object> alert = Alerts.awaitCount(e.schoolCode, "CROSS_SYSTEM_REGISTRATION", 1).get(0);
        Alerts.awaitChecked(e, 2);
        JsonNode latest = TestEvents.checkResultsOf(e).get(TestEvents.checkResultsOf(e).size() - 1);
        assertThat(latest.path("checkStatus").asText(), equalTo("FLAGGED"));
        assertThat(latest.toString(), not(containsString(p.id())));

        // The same roster again raises nothing new; a roster without the person resolves the alert.
        upload(TestTokens.province("330000"), "SECONDARY_VOCATIONAL", HEADER + p.row("孙八", "在籍"));
        assertThat(Alerts.ofSchool(e.schoolCode, "CROSS_SYSTEM_REGISTRATION"), hasSize(1));
        upload(TestTokens.province("330000"), "SECONDARY_VOCATIONAL", HEADER + person("330102").row("周九", "在籍"));
        JsonPath detail = Alerts.detail((String) alert.get("id"));
        assertThat(detail.getString("status"), equalTo("RESOLVED"));
        assertThat(detail.getString("resolutionReason"), equalTo("RESOLVED_BY_ROSTER"));
    }

    /**
     * Enrollments that arrive while a roster is being replaced are matched by one side or the other: a check that read
     * the old roster must have committed before the replacement matches the registry, or wait for the new roster. The
     * 300 registered people on the roster keep the replacement's retroactive matching busy while the others arrive.
     */
    @Test
    void enrollmentsArrivingWhileARosterIsReplacedAreAllMatched() throws Exception {
        String registeredSchool = TestEvents.schoolCode();
        String arrivingSchool = TestEvents.schoolCode();
        StringBuilder csv = new StringBuilder(HEADER);
        List<Enrollment> registered = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Person p = person("350102");
            csv.append(p.row("吴" + i, "在籍"));
            registered.add(Enrollment.of(p.personKey(), registeredSchool).named("吴" + i));
        }
        List<Enrollment> arriving = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Person p = person("350102");
            csv.append(p.row("郑" + i, "在籍"));
            arriving.add(Enrollment.of(p.personKey(), arrivingSchool).named("郑" + i));
        }
        registered.forEach(e -> sendEnrollmentEvent(e.personKey, e.recorded()));
        Alerts.awaitAllChecked(registered);

        CompletableFuture<JsonPath> replaced = CompletableFuture.supplyAsync(
                () -> upload(TestTokens.province("350000"), "GENERAL_HIGH_SCHOOL", csv.toString()));
        int sent = 0;
        while (!replaced.isDone() && sent < arriving.size()) {
            Enrollment e = arriving.get(sent++);
            sendEnrollmentEvent(e.personKey, e.recorded());
            // Paced so arrivals span the whole replacement (5-6 s here), its retroactive matching included; the
            // assertions below wait for results, not for time.
            Thread.sleep(20);
        }
        assertThat(replaced.get().getInt("accepted"), equalTo(600));
        List<Enrollment> sentDuring = arriving.subList(0, sent);
        Alerts.awaitAllChecked(sentDuring);

        assertThat(Alerts.awaitCount(registeredSchool, "CROSS_SYSTEM_REGISTRATION", 300), hasSize(300));
        assertThat(Alerts.awaitCount(arrivingSchool, "CROSS_SYSTEM_REGISTRATION", sent), hasSize(sent));
    }

    @Test
    void aHundredThousandRowsAreImportedInUnderAMinute() {
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 100_000;
        LocalDate base = LocalDate.of(2007, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate born = base.plusDays(i % 1000);
            String first17 = "440106" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i / 1000);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            boolean male = (i / 1000) % 2 == 1;
            csv.append(id).append(',').append("学生").append(i).append(',').append(male ? "MALE" : "FEMALE").append(',')
                    .append(born).append(",广州市第").append(i % 50).append("中学,").append(i % 10 == 0 ? "毕业" : "在籍").append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        JsonPath report = upload(TestTokens.province("440000"), "GENERAL_HIGH_SCHOOL", new String(body, StandardCharsets.UTF_8));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("roster import: %d rows (%d KB) in %d ms%n", rows, body.length / 1024, took.toMillis());
        assertThat(report.getInt("rows"), equalTo(rows));
        assertThat(report.getInt("accepted"), equalTo(rows));
        assertThat(report.getList("rejected"), empty());
        assertThat(took, lessThan(Duration.ofMinutes(1)));

        // A re-upload replaces, it does not add: still 100,000 rows, again in under a minute.
        started = System.nanoTime();
        upload(TestTokens.province("440000"), "GENERAL_HIGH_SCHOOL", new String(body, StandardCharsets.UTF_8));
        took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("roster re-import (replace): %d rows in %d ms%n", rows, took.toMillis());
        assertThat(took, lessThan(Duration.ofMinutes(1)));
    }
}
