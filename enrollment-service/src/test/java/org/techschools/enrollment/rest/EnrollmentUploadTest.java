package org.techschools.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.techschools.enrollment.TestData;
import org.techschools.enrollment.TestWorkbooks;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class EnrollmentUploadTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BOY = TestData.idNumber(LocalDate.of(2010, 5, 17), true);
    private static final String GIRL = TestData.idNumber(LocalDate.of(2009, 3, 2), false);

    private String school;

    @BeforeEach
    void createSchool() {
        school = TestData.createSchool(TestData.HANGZHOU);
    }

    @Test
    void csvWithGoodAndBadRowsStoresTheGoodOnesOnlyAndReportsEveryRow() {
        String wrongCheckDigit = BOY.substring(0, 17) + (BOY.charAt(17) == '1' ? '2' : '1');
        String csv = "序号,记录编号,证件号码,姓名,性别,出生日期,专业代码,班级层次,学习形式,招生年度,招生季节,录取日期,生源类别\r\n"
                + "1,UP-1," + BOY + ",张伟,男,2010-05-17,0401,中级工班,全日制,2026,秋季,2026-09-01,初中毕业生\r\n"
                + "2,UP-2," + wrongCheckDigit + ",李强,男,2010-05-17,0401,中级工班,全日制,2026,秋季,2026-09-01,初中毕业生\r\n"
                + "3,UP-3," + GIRL + ",\"王芳, 小名芳芳\",女,2009-03-02,0401,ADVANCED,FULL_TIME,2026,AUTUMN,2026-09-01,高中毕业生\r\n"
                + "4,UP-4," + GIRL + ",陈静,女,2009-03-02,9999,中级工班,全日制,二〇二六,秋季,2026-09-01,初中毕业生\r\n"
                + ",,,,,,,,,,,,\r\n";

        ExtractableResponse<Response> answer = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(201)
                .body("rows", equalTo(4)).body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("results.row", equalTo(List.of(2, 3, 4, 5)))
                .body("results.sourceRecordId", equalTo(List.of("UP-1", "UP-2", "UP-3", "UP-4")))
                .body("results.status", equalTo(List.of("CREATED", "REJECTED", "CREATED", "REJECTED")))
                .body("results[1].errors[0].column", equalTo("证件号码"))
                .body("results[1].errors[0].field", equalTo("student.idNumber"))
                .body("results[1].errors[0].rule", equalTo("id-check-digit"))
                .body("results[3].errors[0].column", equalTo("招生年度"))
                .body("results[3].errors[0].rule", equalTo("number-format"))
                .extract();
        assertNoIdNumber(answer.asString());

        getRecord("UP-1").statusCode(200).body("student.gender", equalTo("MALE")).body("classLevel", equalTo("INTERMEDIATE"));
        getRecord("UP-3").statusCode(200).body("student.name", equalTo("王芳, 小名芳芳")).body("classLevel", equalTo("ADVANCED"));
        getRecord("UP-2").statusCode(404);
        getRecord("UP-4").statusCode(404);

        // The same report as CSV, where the answer says it is.
        String location = answer.header("Location");
        assertTrue(location.endsWith(answer.path("reportCsv")));
        String report = given().auth().oauth2(TestTokens.school(school)).get(answer.<String>path("reportCsv")).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = report.lines().toList();
        assertEquals("\ufeffrow,sourceRecordId,status,id,column,field,rule,message", lines.get(0));
        assertTrue(lines.get(1).startsWith("2,UP-1,CREATED," + answer.path("results[0].id") + ",,,,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3,UP-2,REJECTED,,证件号码,student.idNumber,id-check-digit,"), lines.get(2));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("5,UP-4,REJECTED,,招生年度,intakeYear,number-format,")), report);
        assertNoIdNumber(report);

        // Another school does not get this school's report.
        String other = TestData.createSchool(TestData.HANGZHOU);
        given().auth().oauth2(TestTokens.school(other)).get(answer.<String>path("reportCsv")).then().statusCode(404);
    }

    @Test
    void xlsxBuiltInASpreadsheetIsReadWithDateAndNumberCells() throws IOException {
        byte[] workbook = workbook(true);
        upload(workbook, XLSX).statusCode(201).body("rows", equalTo(2)).body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].status", equalTo("CREATED")).body("results[0].sourceRecordId", equalTo("X-1"))
                .body("results[1].row", equalTo(3)).body("results[1].status", equalTo("REJECTED"))
                .body("results[1].errors.rule", hasItem("id-number-cell-format"));
        getRecord("X-1").statusCode(200).body("student.birthDate", equalTo("2010-05-17")).body("intakeYear", equalTo(2026))
                .body("studyMode", equalTo("PART_TIME")).body("employer", equalTo("杭州汽轮机厂"));
        getRecord("X-2").statusCode(404);

        // The same sheet again changes nothing; a changed row is a correction.
        upload(workbook, XLSX).statusCode(201).body("unchanged", equalTo(1)).body("results[0].status", equalTo("UNCHANGED"));
        upload(workbook(false), XLSX).statusCode(201).body("corrected", equalTo(1)).body("results[0].status", equalTo("CORRECTED"));
    }

    @Test
    void aWebFormUploadAnswersTheSameReport() {
        String csv = "sourceRecordId,idNumber,name,gender,birthDate,majorCode,classLevel,studyMode,intakeYear,intakeSeason,enrolledOn\n"
                + "F-1," + BOY + ",张伟,MALE,2010-05-17,0401,INTERMEDIATE,FULL_TIME,2026,AUTUMN,2026-09-01\n";
        given().auth().oauth2(TestTokens.school(school)).multiPart("file", "autumn-2026.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/enrollments/upload").then().statusCode(201).body("fileName", equalTo("autumn-2026.csv"))
                .body("created", equalTo(1));
        getRecord("F-1").statusCode(200);
    }

    @Test
    void aQuotedCellWithALineBreakIsOneRowAndLaterRowsKeepTheirSpreadsheetNumbers() {
        String csv = "sourceRecordId,idNumber,name,gender,birthDate,majorCode,classLevel,studyMode,intakeYear,intakeSeason,enrolledOn,employer\r\n"
                + "ML-1," + BOY + ",张伟,MALE,2010-05-17,0401,INTERMEDIATE,PART_TIME,2026,AUTUMN,2026-09-01,\"杭州汽轮机厂\r\n二车间\"\r\n"
                + "ML-2," + GIRL + ",王芳,FEMALE,2009-03-02,0401,INTERMEDIATE,FULL_TIME,二〇二六,AUTUMN,2026-09-01,\r\n";
        upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(201).body("rows", equalTo(2))
                .body("results.row", equalTo(List.of(2, 3))).body("results.status", equalTo(List.of("CREATED", "REJECTED")));
        getRecord("ML-1").statusCode(200).body("employer", equalTo("杭州汽轮机厂\r\n二车间"));
    }

    @Test
    void csvSavedByASpreadsheetOnAChineseSystemIsReadAsGb18030() {
        String csv = "记录编号,证件号码,姓名,性别,出生日期,专业代码,班级层次,学习形式,招生年度,招生季节,录取日期\r\n"
                + "G-1," + GIRL + ",赵敏,女,2009-03-02,0401,高级工班,全日制,2026,秋季,2026-09-01\r\n";
        upload(csv.getBytes(Charset.forName("GB18030")), "text/csv").statusCode(201).body("created", equalTo(1));
        getRecord("G-1").statusCode(200).body("student.name", equalTo("赵敏"));
    }

    @Test
    void oversizeFilesAndTooManyRowsAre413AndStoreNothing() {
        StringBuilder rows = new StringBuilder("sourceRecordId,idNumber,name,gender,birthDate,majorCode,classLevel,studyMode,intakeYear,"
                + "intakeSeason,enrolledOn\n");
        for (int i = 0; i <= 5000; i++) {
            rows.append("BIG-").append(i).append(',').append(BOY).append(",张伟,MALE,2010-05-17,0401,INTERMEDIATE,FULL_TIME,2026,AUTUMN,")
                    .append("2026-09-01\n");
        }
        upload(rows.toString().getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(413)
                .contentType(startsWith("application/problem+json")).body("errors[0].rule", equalTo("row-limit"));

        byte[] huge = (rows + "x".repeat(4 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        upload(huge, "text/csv").statusCode(413).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("file")).body("errors[0].rule", equalTo("size-limit"));
        getRecord("BIG-0").statusCode(404);
    }

    @Test
    void unreadableFilesAndMissingColumnsAreRefusedNamingTheRule() {
        upload(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, XLSX).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("file")).body("errors[0].rule", equalTo("unreadable-file"));
        upload("姓名,证件号码\n张伟,x\n".getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors.rule", hasItem("missing-column"))
                .body("errors.field", hasItem("sourceRecordId"));
        upload("sourceRecordId,\"idNumber\n".getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(400)
                .body("errors[0].rule", equalTo("unreadable-file"));
    }

    /**
     * The workbook of the trust review (one cell in column XFD on 20,000 rows, about 100 KB) took the service into an
     * OutOfMemoryError after 21 s. Read as a stream, four of them at once are refused within seconds naming the rule,
     * and the service stays ready and reads the next sheet.
     */
    @Test
    void aWorkbookWithACellInColumnXfdOnEveryRowIsRefusedQuicklyAndTheServiceStaysHealthy() throws Exception {
        byte[] workbook = TestWorkbooks.xfdOnEveryRow(20_000);
        assertTrue(workbook.length < 200_000, "a small file: " + workbook.length);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            long started = System.nanoTime();
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> upload(workbook, XLSX).extract()));
            }
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> refused = answer.get(30, TimeUnit.SECONDS);
                assertEquals(422, refused.statusCode());
                assertTrue(refused.contentType().startsWith("application/problem+json"));
                assertEquals("file", refused.path("errors[0].field"));
                assertEquals("column-limit", refused.path("errors[0].rule"));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 5_000, "four refused in " + millis + " ms");
        } finally {
            clients.shutdownNow();
        }
        given().get("/q/health/ready").then().statusCode(200);
        upload(workbook(true), XLSX).statusCode(201).body("created", equalTo(1));
    }

    @Test
    void aZipBombShapedWorkbookAndOneThatUnpacksTooLargeAreRefused() {
        byte[] bomb = TestWorkbooks.zipBomb(100);
        long started = System.nanoTime();
        upload(bomb, XLSX).statusCode(413).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("file")).body("errors[0].rule", equalTo("compression-ratio"));
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "refused within a second or two");

        byte[] large = TestWorkbooks.largeUnpacked(17);
        assertTrue(large.length < 4 * 1024 * 1024, "within the upload size: " + large.length);
        upload(large, XLSX).statusCode(413).body("errors[0].field", equalTo("file")).body("errors[0].rule", equalTo("unpacked-size"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aRowWhoseRecordIdIsAnIdNumberIsRejectedAndTheReportDoesNotRepeatIt() {
        String csv = "sourceRecordId,idNumber,name,gender,birthDate,majorCode,classLevel,studyMode,intakeYear,intakeSeason,enrolledOn\n"
                + BOY + "," + BOY + ",张伟,MALE,2010-05-17,0401,INTERMEDIATE,FULL_TIME,2026,AUTUMN,2026-09-01\n"
                + "ID-2," + GIRL + ",王芳 " + GIRL.substring(0, 6) + " " + GIRL.substring(6) + ",FEMALE,2009-03-02,0401,INTERMEDIATE,FULL_TIME,"
                + "2026,AUTUMN,2026-09-01\n"
                + "ID-3," + GIRL + ",王芳,FEMALE,2009-03-02,0401,INTERMEDIATE,FULL_TIME,2026,AUTUMN,2026-09-01\n";
        ExtractableResponse<Response> answer = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv").statusCode(201)
                .body("created", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].status", equalTo("REJECTED")).body("results[0].sourceRecordId", equalTo(null))
                .body("results[0].errors.field", hasItem("sourceRecordId")).body("results[0].errors.rule", hasItem("no-id-number"))
                .body("results[1].errors.field", hasItem("student.name")).body("results[1].errors.rule", hasItem("no-id-number"))
                .body("results[2].status", equalTo("CREATED")).extract();
        assertNoIdNumber(answer.asString());
        String report = given().auth().oauth2(TestTokens.school(school)).get(answer.<String>path("reportCsv")).then().statusCode(200)
                .extract().asString();
        assertTrue(report.contains(",no-id-number,"), report);
        assertNoIdNumber(report);

        // A sheet named after a student's ID number: its name would be kept and shown with the report.
        assertNoIdNumber(given().auth().oauth2(TestTokens.school(school)).multiPart("file", "学生" + BOY + ".csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv").post("/api/v1/enrollments/upload").then().statusCode(422)
                .body("errors[0].field", equalTo("fileName")).body("errors[0].rule", equalTo("no-id-number")).extract().asString());
    }

    private io.restassured.response.ValidatableResponse upload(byte[] content, String contentType) {
        return given().auth().oauth2(TestTokens.school(school)).contentType(contentType).body(content)
                .post("/api/v1/enrollments/upload").then();
    }

    private io.restassured.response.ValidatableResponse getRecord(String sourceRecordId) {
        return given().auth().oauth2(TestTokens.school(school)).get("/api/v1/enrollments/{s}/{r}", school, sourceRecordId).then();
    }

    private static void assertNoIdNumber(String text) {
        assertFalse(text.contains(BOY.substring(6, 14)), "a report must not repeat an ID number");
        assertFalse(text.contains(GIRL.substring(6, 14)), "a report must not repeat an ID number");
    }

    /**
     * English headers, a date cell, a number cell for the year, the ID as text; the second row's ID was typed as a
     * number (what a spreadsheet does when the column is not formatted as text).
     */
    private static byte[] workbook(boolean intermediate) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("招生名单");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            String[] header = { "sourceRecordId", "idType", "idNumber", "name", "gender", "birthDate", "majorCode", "classLevel",
                    "studyMode", "intakeYear", "intakeSeason", "enrolledOn", "employer", "programmeMonths" };
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 2; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("X-" + r);
                row.createCell(1).setCellValue("居民身份证");
                if (r == 1) {
                    row.createCell(2).setCellValue(BOY);
                } else {
                    row.createCell(2).setCellValue(Double.parseDouble(BOY.substring(0, 17)));
                }
                row.createCell(3).setCellValue("张伟");
                row.createCell(4).setCellValue("MALE");
                row.createCell(5).setCellValue(LocalDate.of(2010, 5, 17));
                row.getCell(5).setCellStyle(date);
                row.createCell(6).setCellValue("0401");
                row.createCell(7).setCellValue(intermediate ? "INTERMEDIATE" : "ADVANCED");
                row.createCell(8).setCellValue("PART_TIME");
                row.createCell(9).setCellValue(2026);
                row.createCell(10).setCellValue("AUTUMN");
                row.createCell(11).setCellValue(LocalDate.of(2026, 9, 1));
                row.getCell(11).setCellStyle(date);
                row.createCell(12).setCellValue("杭州汽轮机厂");
                row.createCell(13).setCellValue(24);
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
