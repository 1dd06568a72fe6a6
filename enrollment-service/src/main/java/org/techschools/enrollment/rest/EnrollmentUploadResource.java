package org.techschools.enrollment.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.techschools.commons.limits.BodyLimit;
import org.techschools.commons.limits.RateLimited;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.commons.csv.Csv;
import org.techschools.enrollment.service.EnrollmentSheet;
import org.techschools.enrollment.service.EnrollmentUploads;

/**
 * 招生数据表格导入: schools without an API client upload their enrollment sheet as CSV or XLSX; every row goes
 * through the same intake as a batch push, and the per-row report can be downloaded as CSV.
 */
@Path("/api/v1/enrollments")
@Tag(name = "enrollment uploads")
public class EnrollmentUploadResource {

    private static final String TEMPLATE = "Header row (row 1), in any order, English or Chinese names: sourceRecordId (记录编号),"
            + " idNumber (证件号码, a text cell), name (姓名), gender (性别: MALE/FEMALE or 男/女), birthDate (出生日期,"
            + " YYYY-MM-DD or a date cell), majorCode (专业代码), classLevel (班级层次: INTERMEDIATE/ADVANCED/PREP_TECHNICIAN/TECHNICIAN or"
            + " 中级工班/高级工班/预备技师班/技师班), studyMode (学习形式: FULL_TIME/PART_TIME or 全日制/非全日制), intakeYear (招生年度),"
            + " intakeSeason (招生季节: SPRING/AUTUMN or 春季/秋季), enrolledOn (录取日期) — required; idType (证件类型, default"
            + " RESIDENT_ID/居民身份证), schoolCode (学校代码, default the token's school), sourceCategory (生源类别), originRegion"
            + " (生源地代码), priorityFlags (优先标记, separated by 、 or ;), employer (工作单位), programmeMonths (学制月数) —"
            + " optional; other columns are ignored. CSV in UTF-8 (BOM allowed) or GB18030; XLSX: the first sheet.";

    @Inject
    EnrollmentUploads uploads;

    @Inject
    CallerScope caller;

    @POST
    @Path("/upload")
    @Consumes({ Csv.MEDIA_TYPE, EnrollmentSheet.XLSX_MEDIA_TYPE })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHOOL)
    @BodyLimit("upload")
    @RateLimited("upload")
    @Operation(summary = "Upload an enrollment sheet as the request body (Content-Type text/csv or the XLSX type)",
            description = TEMPLATE + " Answers 201 with one result per data row (row number, sourceRecordId, CREATED/UNCHANGED/"
                    + "CORRECTED/REJECTED, column, field and rule of each broken rule) and reportCsv, where the same report is"
                    + " downloaded as CSV. Valid rows are stored, invalid ones are not. 413 above the size or row limit"
                    + " (platform.enrollment.upload-max-bytes, platform.enrollment.batch-limit) and for a workbook that unpacks"
                    + " to more than 16 MiB or more than 100-fold (unpacked-size, compression-ratio); 400 for an unreadable file;"
                    + " 422 when a required column is missing, a cell beyond column BL holds a value (column-limit) or a cell"
                    + " holds more than 2,000 characters (cell-size). A record id, name or employer holding an ID number is a"
                    + " rejected row (no-id-number). The optional query parameter fileName is kept with the report (422 when it"
                    + " holds an ID number).")
    @APIResponse(responseCode = "201", description = "the per-row report; Location is the CSV report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentUploadReport.class)))
    @APIResponse(responseCode = "422", description = "A required column is missing, or a cell breaks the sheet's limits; "
            + "each named")
    public Response upload(
            byte[] body,
            @Parameter(description = "The file's name, kept with the report (no ID number in it)") @QueryParam("fileName") String fileName) {
        return accept(body == null ? new byte[0] : body, fileName);
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHOOL)
    @BodyLimit("upload")
    @RateLimited("upload")
    @Operation(summary = "Upload an enrollment sheet from a web form (multipart/form-data, the file in part 'file')",
            description = TEMPLATE + " Answers exactly as the upload of a request body.")
    @APIResponse(responseCode = "201", description = "the per-row report; Location is the CSV report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentUploadReport.class)))
    @APIResponse(responseCode = "422", description = "A required column is missing, or a cell breaks the sheet's limits; "
            + "each named")
    public Response uploadForm(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest(List.of(new FieldError("file", "required", "the form has no part 'file'")));
        }
        uploads.requireSize(file.size());
        try {
            return accept(Files.readAllBytes(file.uploadedFile()), file.fileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/uploads/{id}/report.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed(Roles.SCHOOL)
    @Operation(summary = "The per-row report of an upload of the caller's school as CSV (UTF-8 with BOM): row, sourceRecordId,"
            + " status, id, column, field, rule, message — one line per broken rule, no ID numbers")
    public Response report(
            @Parameter(description = "Upload id (a UUID), from the upload's answer") @PathParam("id") UUID id) {
        return Response.ok(uploads.reportCsv(id, caller.school()), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"upload-report-" + id + ".csv\"").build();
    }

    private Response accept(byte[] content, String fileName) {
        EnrollmentUploadReport report = EnrollmentUploadReport.of(uploads.upload(content, fileName, caller.school(), caller.name()));
        return Response.created(URI.create(report.reportCsv())).entity(report).build();
    }
}
