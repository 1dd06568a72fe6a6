package org.techschools.enrollment.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.techschools.commons.console.ConsoleForms;
import org.techschools.commons.console.ConsoleText;
import org.techschools.commons.console.ConsoleView;
import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.limits.BodyLimit;
import org.techschools.commons.limits.RateLimited;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.EnrollmentSnapshot;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.EnrollmentUploads;
import org.techschools.enrollment.service.EnrollmentWithdrawal;

/**
 * 本校招生 (the school's page): upload the enrollment sheet and read what became of every row, list the school's own
 * records with their check result, and withdraw one after a confirmation. The same upload, search and withdrawal
 * services as the enrollment API; ID numbers only masked (the reveal stays an API call with its own access log).
 */
@Path(ConsoleView.SCHOOL_PAGE)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "console")
public class SchoolPages {

    /** Records per page: a page stays far below 500 KB with a withdrawal form on every row. */
    static final int PAGE_SIZE = 50;

    /** Result rows shown on the page; the downloadable report holds them all. */
    static final int RESULT_ROWS_SHOWN = 1000;

    /** The list's filters as the form holds them, in EnrollmentSearch's parameter names. */
    public record Filters(String status, String checkStatus, String year, String season, String level, String mode) {

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("status", status);
            values.put("checkStatus", checkStatus);
            values.put("year", year);
            values.put("season", season);
            values.put("level", level);
            values.put("mode", mode);
            values.values().removeIf(v -> v == null || v.isBlank());
            return values;
        }

        String query() {
            return values().entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    /** A choice of a filter's select: the API's value and the label a clerk reads. */
    public record Choice(String value, String label) {
    }

    /** The choices of the list's selects. */
    public record Choices(List<Choice> status, List<Choice> checkStatus, List<Choice> season, List<Choice> level, List<Choice> mode) {
    }

    /** A record as the list shows it; the ID number only masked. */
    public record Row(String sourceRecordId, String name, String idNumberMasked, String gender, String majorCode, String classLevel,
            String studyMode, int intakeYear, String intakeSeason, String enrolledOn, String status, String statusLabel,
            String checkStatus, String checkLabel, boolean withdrawable, String withdrawalReason) {
    }

    /** One line of an upload's result: a row of the sheet, or one broken rule of a rejected row. */
    public record ResultLine(int row, String sourceRecordId, String status, String statusLabel, String column, String field,
            String rule, String message) {
    }

    public record UploadResult(String fileName, int rows, int created, int unchanged, int corrected, int rejected, String reportUrl,
            List<ResultLine> lines, boolean onlyRejectedShown) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance school(String schoolCode, Filters filters, List<Row> rows, String nextUrl, UploadResult upload,
                Choices choices, String message, String error);
    }

    @Inject
    EnrollmentSearch search;

    @Inject
    EnrollmentUploads uploads;

    @Inject
    EnrollmentWithdrawal withdrawal;

    @Inject
    CallerScope caller;

    @Inject
    ConsoleForms forms;

    @GET
    @RolesAllowed(Roles.SCHOOL)
    @Operation(summary = "Console: the school's page — upload form, its own records with check status and filters, withdrawal")
    public Response page(@RestQuery String status, @RestQuery String checkStatus, @RestQuery String year, @RestQuery String season,
            @RestQuery String level, @RestQuery String mode, @RestQuery String cursor, @RestQuery String done) {
        Filters filters = new Filters(status, checkStatus, year, season, level, mode);
        return render(200, filters, cursor, null, "withdrawn".equals(done) ? "已撤销该记录" : null, null);
    }

    /** 表格导入 from a file picker: the same upload as {@code POST /api/v1/enrollments/upload}, answered with the row table. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.SCHOOL)
    @BodyLimit("upload")
    @RateLimited("upload")
    @Operation(summary = "Console form: upload an enrollment sheet (CSV or XLSX, multipart with csrf); answers the page with the per-row result")
    public Response upload(@RestForm("file") FileUpload file, @RestForm String csrf) {
        forms.check(csrf);
        Filters none = new Filters(null, null, null, null, null, null);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return render(400, none, null, null, null, "请选择要导入的 CSV 或 XLSX 文件");
        }
        try {
            uploads.requireSize(file.size());
            byte[] content = Files.readAllBytes(file.uploadedFile());
            EnrollmentUploadReport report = EnrollmentUploadReport.of(uploads.upload(content, file.fileName(), caller.school(), caller.name()));
            return render(200, none, null, result(report), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProblemException e) {
            return render(e.status(), none, null, null, null, "未能导入：" + ConsoleText.problem(e));
        }
    }

    /** 撤销, after the confirmation on the page: the same withdrawal as {@code POST /api/v1/enrollments/{school}/{id}/withdrawal}. */
    @POST
    @Path("/withdrawal")
    @RolesAllowed(Roles.SCHOOL)
    @Operation(summary = "Console form: withdraw one of the school's records with a reason (csrf); 303 back to the list")
    public Response withdraw(@RestForm String sourceRecordId, @RestForm String reason, @RestForm String csrf) {
        forms.check(csrf);
        try {
            if (sourceRecordId == null || sourceRecordId.isBlank()) {
                throw ProblemException.notFound("enrollment");
            }
            withdrawal.withdraw(caller.school(), sourceRecordId, reason, caller.school());
        } catch (ProblemException e) {
            return render(e.status(), new Filters(null, null, null, null, null, null), null, null, null, "未能撤销：" + ConsoleText.problem(e));
        }
        return Response.seeOther(URI.create(ConsoleView.SCHOOL_PAGE + "?done=withdrawn")).build();
    }

    private Response render(int status, Filters filters, String cursor, UploadResult upload, String message, String error) {
        List<Row> rows = List.of();
        String nextUrl = null;
        try {
            MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
            filters.values().forEach((k, v) -> query.putSingle(k, v.strip()));
            EnrollmentSearch.Filter filter = search.parse(query, caller);
            var found = search.page(filter, KeysetCursor.decode(cursor), PAGE_SIZE);
            rows = found.stream().map(SchoolPages::row).toList();
            String next = EnrollmentSearch.nextCursor(found, PAGE_SIZE);
            if (next != null) {
                String q = filters.query();
                nextUrl = ConsoleView.SCHOOL_PAGE + "?" + (q.isEmpty() ? "" : q + "&") + "cursor=" + next;
            }
        } catch (ProblemException e) {
            status = status == 200 ? e.status() : status;
            error = error == null ? "筛选条件有误：" + ConsoleText.problem(e) : error;
        }
        return Response.status(status).entity(Templates.school(caller.school(), filters, rows, nextUrl, upload, SELECTS, message, error))
                .build();
    }

    private static Row row(EnrollmentSnapshot v) {
        return new Row(v.sourceRecordId(), v.student().name(), v.student().idNumberMasked(), "MALE".equals(v.student().gender()) ? "男" : "女",
                v.majorCode(), ClassLevel.valueOf(v.classLevel()).label, label("mode", v.studyMode()), v.intakeYear(),
                label("season", v.intakeSeason()), String.valueOf(v.enrolledOn()), v.status(), label("status", v.status()),
                v.checkStatus(), label("checkStatus", v.checkStatus()), "ACTIVE".equals(v.status()), v.withdrawalReason());
    }

    private static UploadResult result(EnrollmentUploadReport report) {
        boolean onlyRejected = report.results().size() > RESULT_ROWS_SHOWN;
        List<ResultLine> lines = report.results().stream().filter(r -> !onlyRejected || r.errors() != null)
                .flatMap(r -> r.errors() == null
                        ? Stream.of(new ResultLine(r.row(), r.sourceRecordId(), r.status(), label("outcome", r.status()), null, null, null, null))
                        : r.errors().stream().map(e -> new ResultLine(r.row(), r.sourceRecordId(), r.status(), label("outcome", r.status()),
                                e.column(), e.field(), e.rule(), e.message())))
                .limit(RESULT_ROWS_SHOWN).toList();
        return new UploadResult(report.fileName(), report.rows(), report.created(), report.unchanged(), report.corrected(),
                report.rejected(), report.reportCsv(), lines, onlyRejected);
    }

    /** The choices of the filters, by EnrollmentSearch parameter: value and label. */
    static final Map<String, List<Choice>> CHOICES = Map.of(
            "status", List.of(new Choice("ACTIVE", "有效"), new Choice("WITHDRAWN", "已撤销")),
            "checkStatus", List.of(new Choice("PENDING", "待核查"), new Choice("CLEAN", "核查通过"), new Choice("FLAGGED", "有预警")),
            "season", List.of(new Choice("AUTUMN", "秋季"), new Choice("SPRING", "春季")),
            "level", Stream.of(ClassLevel.values()).map(l -> new Choice(l.name(), l.label)).toList(),
            "mode", List.of(new Choice("FULL_TIME", "全日制"), new Choice("PART_TIME", "非全日制")),
            "outcome", List.of(new Choice("CREATED", "新增"), new Choice("UNCHANGED", "无变化"), new Choice("CORRECTED", "已更正"),
                    new Choice("REJECTED", "未通过")));

    static final Choices SELECTS = new Choices(CHOICES.get("status"), CHOICES.get("checkStatus"), CHOICES.get("season"),
            CHOICES.get("level"), CHOICES.get("mode"));

    private static String label(String kind, String value) {
        return CHOICES.get(kind).stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst().orElse(value);
    }
}
