package org.techschools.enrollment.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.SchoolChangeEntry;
import org.techschools.enrollment.service.SchoolDirectory;
import org.techschools.enrollment.service.SchoolSanctions;

/** The school directory (学校名录) and the public disclosure of qualified schools (招生资质信息公开). */
@Path("/api/v1")
public class SchoolResource {

    /** A province division code (GB/T 2260): 330000 is Zhejiang. */
    private static final Pattern PROVINCE = Pattern.compile("[1-9][0-9]0000");
    private static final Pattern YEAR = Pattern.compile("(19|20|21)[0-9]{2}");

    @Inject
    SchoolDirectory directory;

    @Inject
    CallerScope caller;

    @Inject
    SchoolSanctions sanctions;

    /**
     * Creates or changes a school within the caller's authority: a city office its own city's non-provincial schools,
     * a province office its province's (moving them between its cities, deciding 省属), the national centre any
     * (moving them between provinces). The code is the school's identity: a post with another code is another school.
     */
    @POST
    @Path("/schools")
    @RolesAllowed({ Roles.PROVINCE, Roles.CITY, Roles.NATIONAL })
    @Operation(summary = "Create or change a school within the caller's authority (the code is the school's identity): 201 "
            + "created, 200 changed")
    @APIResponse(responseCode = "201", description = "The school was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "200", description = "The school was changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "422", description = "The school breaks a rule of the directory (each field and rule named), "
            + "or lies outside the caller's authority")
    public Response upsert(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "school",
                    value = "{\"code\":\"3301001\",\"name\":\"杭州市技师学院\",\"type\":\"TECHNICIAN_COLLEGE\",\"provinceCode\":\"330000\",\"cityCode\":\"330100\",\"provincial\":false,\"ownership\":\"公办\",\"hotline\":\"0571-88888888\",\"qualifiedYears\":[2025,2026],\"majors\":[{\"code\":\"0401\",\"name\":\"数控加工\",\"levels\":[\"INTERMEDIATE\",\"ADVANCED\"]}],\"brochureUrl\":\"https://www.example.edu.cn/zsjz-2026.pdf\",\"complaintHotline\":\"0571-12333\"}"))) SchoolRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "request body is required")));
        }
        boolean created = directory.upsert(request.toEntry(), caller);
        SchoolView view = SchoolView.of(directory.profile(request.code(), caller));
        return Response.status(created ? 201 : 200).entity(view).build();
    }

    @GET
    @Path("/schools/{code}")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "One school of the directory; 404 when absent or outside the caller's scope")
    public SchoolView get(@Parameter(description = "School code (学校代码)") @PathParam("code") String code) {
        return SchoolView.of(directory.profile(code, caller));
    }

    /** Every creation of and change to the school, newest first: who, in which role, when, each field before and after. */
    @GET
    @Path("/schools/{code}/history")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "Every creation of and change to the school, newest first: who, in which role, when, each field "
            + "before and after")
    public Page<SchoolChangeView> history(
            @Parameter(description = "School code (学校代码)") @PathParam("code") String code,
            @Parameter(description = CommonParameters.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Items per page, 1 to " + EnrollmentSearch.MAX_LIMIT + " (default " + EnrollmentSearch.DEFAULT_LIMIT + ")") @QueryParam(""
                    + "limit") String limit) {
        int size = EnrollmentSearch.limit(limit);
        List<SchoolChangeEntry> changes = directory.history(code, caller, KeysetCursor.decode(cursor), size);
        String next = changes.size() < size ? null
                : new KeysetCursor(changes.get(changes.size() - 1).changedAt(), changes.get(changes.size() - 1).id()).encode();
        return new Page<>(changes.stream().map(SchoolChangeView::of).toList(), next);
    }

    /**
     * 处理处罚: records a sanction against a school of the caller's province (201 with it). One that suspends
     * enrollment refuses the school's records enrolled within its period (422 rule school-suspended).
     */
    @POST
    @Path("/schools/{code}/sanctions")
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "处理处罚: record a sanction against a school of the caller's province (201); one that suspends "
            + "enrollment refuses the school's records of its period")
    @APIResponse(responseCode = "201", description = "The sanction as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SanctionView.class)))
    @APIResponse(responseCode = "409", description = "This decision was recorded against the school for this kind before")
    @APIResponse(responseCode = "422", description = "The sanction breaks a rule (dates, kind, decision number); each field "
            + "and rule named")
    public Response sanction(
            @Parameter(description = "School code (学校代码)") @PathParam("code") String code,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "sanction",
                    value = "{\"kind\":\"ILLEGAL_ENROLLMENT\",\"decisionNumber\":\"浙人社罚〔2026〕3号\",\"authority\":\"浙江省人力资源和社会保障厅\",\"decidedOn\":\"2026-03-02\",\"from\":\"2026-03-02\",\"until\":\"2026-09-01\",\"suspendsEnrollment\":true}"))) SanctionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "request body is required")));
        }
        return Response.status(201).entity(SanctionView.of(sanctions.record(code, request.toOrder(), caller))).build();
    }

    /** A school's sanctions, newest first, with who recorded each and when. */
    @GET
    @Path("/schools/{code}/sanctions")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "A school's sanctions, newest first, with who recorded each and when")
    public List<SanctionView> sanctions(@Parameter(description = "School code (学校代码)") @PathParam("code") String code) {
        return sanctions.of(code, caller).stream().map(SanctionView::of).toList();
    }

    /**
     * No token needed: the list of schools qualified to enroll in a year, with their majors, 招生简章 link, complaint
     * hotline and sanctions (current and past). Cached; any change to
     * the directory drops the cache as soon as it commits. The parameters are checked before the cache is asked, so it
     * only ever holds lists of real (province, year) pairs, and at most quarkus.cache.caffeine."public-schools".maximum-size
     * of them; each client address may ask platform.limits.rate.public times per period (then 429 with Retry-After).
     */
    @GET
    @Path("/public/schools")
    @PermitAll
    @Operation(summary = "No token needed: the schools qualified to enroll in a year (招生资质信息公开), with majors, 招生简章 link, "
            + "complaint hotline and sanctions")
    public List<SchoolView> qualified(
            @Parameter(description = "Province code, six digits ending in 0000, e.g. 330000 (required)") @QueryParam(""
                    + "province") String province,
            @Parameter(description = "Enrollment year, e.g. 2026 (required)") @QueryParam("year") String year) {
        List<FieldError> errors = new ArrayList<>();
        if (province == null || province.isBlank()) {
            errors.add(new FieldError("province", "required", "province is required: a province division code, e.g. 330000"));
        } else if (!PROVINCE.matcher(province).matches()) {
            errors.add(new FieldError("province", "province-code", "province must be six digits ending in 0000, e.g. 330000"));
        }
        if (year == null || year.isBlank()) {
            errors.add(new FieldError("year", "required", "year is required, e.g. 2026"));
        } else if (!YEAR.matcher(year).matches()) {
            errors.add(new FieldError("year", "year", "year must be a four-digit year from 1900 to 2199, e.g. 2026"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return directory.qualified(province, Integer.parseInt(year)).stream().map(SchoolView::of).toList();
    }
}
