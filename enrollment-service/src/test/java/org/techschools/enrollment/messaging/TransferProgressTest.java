package org.techschools.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.techschools.enrollment.ConsolePages;
import org.techschools.enrollment.TestData;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.testinfra.EventContracts;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;
import org.techschools.testinfra.TopicRecords;

/**
 * 转学 in the 进展表: registration-service's TRANSFER and TRANSFER_IN events, sent through the broker as it writes them,
 * move a record to the receiving school (another city, another school type, another province) from the transfer's
 * effective month on, and leave the months before as they were; a redelivered or replayed transfer moves nothing twice,
 * and one that does not say where the record went is dead-lettered without moving it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class TransferProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUANGDONG = "440000";
    private static final String GUANGZHOU = "440100";
    private static final String SHENZHEN = "440300";
    private static final String GUANGXI = "450000";
    private static final String NANNING = "450100";
    /** One person's key for every event: all go to one partition, applied in the order sent. */
    private static final String PERSON_KEY = "c".repeat(64);

    /** The rows of the report: 技工学校, 高级技工学校, 技师学院, 合计. */
    private static final int TECHNICAL = 0;
    private static final int COLLEGE = 2;
    private static final int TOTAL = 3;

    @Test
    void aTransferMovesTheRecordInTheProgressReportFromItsEffectiveMonthOnAndOnlyOnce() throws Exception {
        String guangzhou = TestData.createSchool(GUANGDONG, GUANGZHOU, "TECHNICAL_SCHOOL");
        String shenzhen = TestData.createSchool(GUANGDONG, SHENZHEN, "TECHNICIAN_COLLEGE");
        String nanning = TestData.createSchool(GUANGXI, NANNING, "TECHNICAL_SCHOOL");
        String a = enrolledInSeptember(guangzhou, "TR-A");
        String b = enrolledInSeptember(guangzhou, "TR-B");
        assertEquals(List.of(1, 2, 2, 0), row(GUANGDONG, "2026-11", TOTAL), "both at 广州 before any transfer");

        // A to 深圳's 技师学院 in October, B out of the province to 南宁 in November: each as TRANSFER then TRANSFER_IN.
        send(transfer(a, guangzhou, GUANGZHOU, "2026-10-15"));
        String aIn = transferIn(a, guangzhou, shenzhen, GUANGDONG, SHENZHEN, "2026-10-15");
        send(aIn);
        String bOut = transfer(b, guangzhou, GUANGZHOU, "2026-11-03");
        send(bOut);
        String bIn = transferIn(b, guangzhou, nanning, GUANGXI, NANNING, "2026-11-03");
        send(bIn);
        awaitCumulative(GUANGXI, "2026-11", TOTAL, 1);

        assertEquals(List.of(1, 2, 2, 0), row(GUANGDONG, "2026-09", TECHNICAL), "September: both still where they enrolled");
        assertEquals(List.of(0, 0, 0, 0), row(GUANGDONG, "2026-09", COLLEGE));
        assertEquals(List.of(1, 1, 1, 0), row(GUANGDONG, "2026-10", TECHNICAL), "October: A has left 广州's 技工学校");
        assertEquals(List.of(1, 1, 1, 0), row(GUANGDONG, "2026-10", COLLEGE), "... for 深圳's 技师学院");
        assertEquals(List.of(2, 2, 2, 0), row(GUANGDONG, "2026-10", TOTAL));
        assertEquals(List.of(0, 0, 0, 0), row(GUANGXI, "2026-10", TOTAL), "B counts in 广西 only from November");
        assertEquals(List.of(0, 0, 0, 0), row(GUANGDONG, "2026-11", TECHNICAL), "November: nobody left at 广州");
        assertEquals(List.of(1, 1, 1, 0), row(GUANGDONG, "2026-11", COLLEGE));
        assertEquals(List.of(1, 1, 1, 0), row(GUANGDONG, "2026-11", TOTAL), "B left the province");
        assertEquals(List.of(1, 1, 1, 0), row(GUANGXI, "2026-11", TECHNICAL));

        // The province office's page and workbook show the same.
        String html = ConsolePages.as(ConsolePages.signIn("province", null, GUANGDONG))
                .get("/console/progress-reports?month=2026-11").then().statusCode(200).extract().asString();
        assertEquals("0", ConsolePages.text(html, "data-cell", "TECHNICAL_SCHOOL-cumulativeEnrollment"));
        assertEquals("1", ConsolePages.text(html, "data-cell", "TECHNICIAN_COLLEGE-cumulativeEnrollment"));
        assertEquals("1", ConsolePages.text(html, "data-cell", "TOTAL-cumulativeEnrollment"));
        byte[] xlsx = given().auth().oauth2(TestTokens.province(GUANGDONG)).get("/api/v1/progress-reports/{p}/{m}.xlsx", GUANGDONG, "2026-11")
                .then().statusCode(200).extract().asByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(0.0, book.getSheetAt(0).getRow(4).getCell(2).getNumericCellValue(), "技工学校 累计招生人数");
            assertEquals(1.0, book.getSheetAt(0).getRow(6).getCell(2).getNumericCellValue(), "技师学院 累计招生人数");
        }

        // Redelivered as they were, and replayed under new event ids: nothing moves again. C, sent last on the same
        // partition, shows they were all read.
        send(aIn);
        send(bOut);
        send(bIn);
        send(withNewEventId(aIn));
        send(withNewEventId(bIn));
        // D's TRANSFER_IN says neither province nor city of the receiving school: it cannot be applied, so it goes to
        // the dead-letter topic and D stays where it was.
        String d = enrolledInSeptember(guangzhou, "TR-D");
        Map<String, Object> incomplete = payload(d, shenzhen, "ACTIVE", "TRANSFER_IN", "2026-11-20");
        incomplete.put("fromSchoolCode", guangzhou);
        String dIn = envelope(incomplete);
        send(dIn);
        String c = enrolledInSeptember(guangzhou, "TR-C");
        send(transferIn(c, guangzhou, shenzhen, GUANGDONG, SHENZHEN, "2026-11-20"));
        awaitCumulative(GUANGDONG, "2026-11", COLLEGE, 2);
        assertEquals(List.of(1, 1, 1, 0), row(GUANGDONG, "2026-11", TECHNICAL), "D still at 广州");
        assertEquals(List.of(2, 3, 3, 0), row(GUANGDONG, "2026-11", TOTAL), "A and C at 深圳, D at 广州, B counted once, in 广西");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(),
                "dlq.enrollment-service").stream().anyMatch(r -> r.value().equals(dIn)
                        && new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).contains("provinceCode")));
        assertEquals(List.of(1, 1, 1, 0), row(GUANGXI, "2026-11", TOTAL));
        assertEquals(List.of(1, 1, 1, 0), row(GUANGDONG, "2026-10", COLLEGE), "C transferred in November: October unchanged");
        assertEquals(1, processedRows(aIn), "a transfer is applied once per event");
        assertEquals(0, processedRows(bOut), "the TRANSFER that ends the old 学籍 is read past: its TRANSFER_IN carries the move");
    }

    /** Pushes a full-time 2026 record as its school and dates its creation to 5 September, as if pushed then; its id. */
    private static String enrolledInSeptember(String school, String sourceRecordId) {
        String id = TestData.push(TestData.enrollment(school, sourceRecordId));
        QuarkusTransaction.requiringNew().run(() -> Enrollment.getEntityManager()
                .createNativeQuery("update enrollment set created_at = ?1, updated_at = ?1 where id = ?2")
                .setParameter(1, Instant.parse("2026-09-05T02:00:00Z")).setParameter(2, UUID.fromString(id)).executeUpdate());
        return id;
    }

    /** One row of the 进展表 as the province office reads it: enrolling schools, cumulative, full-time, part-time. */
    private static List<Integer> row(String province, String month, int index) {
        JsonPath report = given().auth().oauth2(TestTokens.province(province)).get("/api/v1/progress-reports/{p}/{m}", province, month)
                .then().statusCode(200).extract().jsonPath();
        String r = "rows[" + index + "].";
        return List.of(report.getInt(r + "enrollingSchools"), report.getInt(r + "cumulativeEnrollment"), report.getInt(r + "fullTime"),
                report.getInt(r + "partTime"));
    }

    private static void awaitCumulative(String province, String month, int index, int cumulative) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> row(province, month, index).get(1) == cumulative);
    }

    /** The TRANSFER registration-service writes: the old 学籍 ends, TRANSFERRED_OUT. */
    private static String transfer(String enrollmentId, String school, String city, String effectiveOn) throws Exception {
        Map<String, Object> p = payload(enrollmentId, school, "TRANSFERRED_OUT", "TRANSFER", effectiveOn);
        p.put("provinceCode", city.substring(0, 2) + "0000");
        p.put("cityCode", city);
        return envelope(p);
    }

    /** The TRANSFER_IN that follows it: the new ACTIVE 学籍 at the receiving school, naming the school it came from. */
    private static String transferIn(String enrollmentId, String from, String to, String province, String city, String effectiveOn)
            throws Exception {
        Map<String, Object> p = payload(enrollmentId, to, "ACTIVE", "TRANSFER_IN", effectiveOn);
        p.put("provinceCode", province);
        p.put("cityCode", city);
        p.put("fromSchoolCode", from);
        return envelope(p);
    }

    private static Map<String, Object> payload(String enrollmentId, String school, String status, String changeType, String effectiveOn) {
        Map<String, Object> p = new HashMap<>();
        p.put("registrationId", UUID.randomUUID().toString());
        p.put("enrollmentId", enrollmentId);
        p.put("schoolCode", school);
        p.put("sourceRecordId", "TR");
        p.put("personKey", PERSON_KEY);
        p.put("status", status);
        p.put("changeType", changeType);
        p.put("studyMode", "FULL_TIME");
        p.put("effectiveOn", effectiveOn);
        return p;
    }

    /** An envelope as registration-service writes it, checked against the event's JSON Schema. */
    private static String envelope(Map<String, Object> payload) throws Exception {
        String json = JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "eventType", "RegistrationChanged",
                "schemaVersion", 1, "occurredAt", Instant.now().toString(), "producer", "registration-service",
                "aggregateId", PERSON_KEY, "payload", payload));
        assertEquals(Set.of(), EventContracts.violations(json, "RegistrationChanged"));
        return json;
    }

    private static String withNewEventId(String envelope) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(envelope);
        node.put("eventId", UUID.randomUUID().toString());
        return JSON.writeValueAsString(node);
    }

    private static void send(String envelope) {
        TopicRecords.send(PlatformInfra.get().kafka().bootstrapServers(), "registration-events", PERSON_KEY, envelope);
    }

    private static long processedRows(String envelope) throws Exception {
        String eventId = JSON.readTree(envelope).get("eventId").asText();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Enrollment.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = cast(?1 as uuid)")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
