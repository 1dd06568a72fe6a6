package org.techschools.enrollment.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.techschools.commons.limits.BodyLimit;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.EnrollmentSnapshot;
import org.techschools.enrollment.service.ConstraintRaces;
import org.techschools.commons.csv.Csv;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.enrollment.service.EnrollmentIntake;
import org.techschools.enrollment.service.EnrollmentRules;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.EnrollmentSubmission;
import org.techschools.enrollment.service.EnrollmentWithdrawal;
import org.techschools.enrollment.service.IdNumberReveal;
import org.techschools.commons.paging.KeysetCursor;

/** Enrollment intake from school systems (招生录取数据报送) and the record with its check result. */
@Path("/api/v1/enrollments")
public class EnrollmentResource {

    @Inject
    EnrollmentIntake intake;

    @Inject
    CallerScope caller;

    @Inject
    EnrollmentWithdrawal withdrawal;

    @Inject
    EnrollmentSearch search;

    @Inject
    IdNumberReveal idNumberReveal;

    /** Rows fetched per round trip while streaming a CSV export. */
    private static final int EXPORT_PAGE = 1000;

    @ConfigProperty(name = "platform.enrollment.batch-limit", defaultValue = "5000")
    int batchLimit;

    /** 201 for a new record, 200 for the same push again (UNCHANGED) or new content (CORRECTED). */
    @POST
    @RolesAllowed(Roles.SCHOOL)
    @Operation(summary = "Push one enrollment record (招生录取数据报送): 201 new, 200 the same again or corrected; 422 names each "
            + "broken rule")
    @APIResponse(responseCode = "201", description = "A new record (X-Enrollment-Outcome: CREATED), as stored; the ID number "
            + "only masked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentSnapshot.class),
                    examples = @ExampleObject(name = "created", value = "{\"id\":\"0b6f6f2e-3c1a-4a8e-9d1e-2f5b7c9a1d34\",\"schoolCode\":\"3301001\","
                    + "\"sourceRecordId\":\"2026-0001\",\"version\":1,\"status\":\"ACTIVE\","
                    + "\"student\":{\"idType\":\"RESIDENT_ID\",\"idNumberMasked\":\"3301**************\","
                    + "\"name\":\"张伟\",\"gender\":\"MALE\",\"birthDate\":\"2010-05-17\"},\"majorCode\":\"0401\","
                    + "\"classLevel\":\"INTERMEDIATE\",\"studyMode\":\"FULL_TIME\",\"intakeYear\":2026,"
                    + "\"intakeSeason\":\"AUTUMN\",\"enrolledOn\":\"2026-09-01\",\"sourceCategory\":\"初中毕业生\","
                    + "\"originRegion\":\"330106\",\"priorityFlags\":[],\"checkStatus\":\"PENDING\","
                    + "\"alertIds\":[],\"createdAt\":\"2026-09-01T08:00:00Z\","
                    + "\"updatedAt\":\"2026-09-01T08:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The same record again (UNCHANGED) or new content for it (CORRECTED, "
            + "next version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentSnapshot.class)))
    @APIResponse(responseCode = "422", description = "The record breaks rules of intake: each field and rule is named")
    public Response push(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "enrollment",
                    value = "{\"schoolCode\":\"3301001\",\"sourceRecordId\":\"2026-0001\","
                            + "\"student\":{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"330106201005170019\","
                            + "\"name\":\"张伟\",\"gender\":\"MALE\",\"birthDate\":\"2010-05-17\"},\"majorCode\":\"0401\","
                            + "\"classLevel\":\"INTERMEDIATE\",\"studyMode\":\"FULL_TIME\",\"intakeYear\":2026,"
                            + "\"intakeSeason\":\"AUTUMN\",\"enrolledOn\":\"2026-09-01\",\"sourceCategory\":\"初中毕业生\","
                            + "\"originRegion\":\"330106\",\"priorityFlags\":[]}"))) EnrollmentRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "request body is required")));
        }
        if (request.schoolCode() != null && !request.schoolCode().equals(caller.school())) {
            throw ProblemException.forbidden("a school may push records of its own school only");
        }
        EnrollmentIntake.Result result = submitRetryingRace(List.of(EnrollmentRequest.toSubmission(request))).get(0);
        if (result.outcome() == EnrollmentIntake.Outcome.REJECTED) {
            boolean structural = result.errors().stream().anyMatch(e -> EnrollmentRules.STRUCTURAL_RULES.contains(e.rule()));
            throw structural ? ProblemException.badRequest(result.errors()) : ProblemException.unprocessable(result.errors());
        }
        return Response.status(result.outcome() == EnrollmentIntake.Outcome.CREATED ? 201 : 200)
                .header("X-Enrollment-Outcome", result.outcome().name()).entity(result.record()).build();
    }

    /** Up to {@code platform.enrollment.batch-limit} items; answers per item; stores every valid item and none of an invalid one. */
    @POST
    @Path("/batch")
    @RolesAllowed(Roles.SCHOOL)
    @BodyLimit("batch")
    @Operation(summary = "Push up to platform.enrollment.batch-limit records; answers per item, storing every valid one and "
            + "no invalid one")
    public EnrollmentBatchResponse pushBatch(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "batch",
                    value = "{\"items\":[{\"schoolCode\":\"3301001\",\"sourceRecordId\":\"2026-0001\","
                            + "\"student\":{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"330106201005170019\","
                            + "\"name\":\"张伟\",\"gender\":\"MALE\",\"birthDate\":\"2010-05-17\"},\"majorCode\":\"0401\","
                            + "\"classLevel\":\"INTERMEDIATE\",\"studyMode\":\"FULL_TIME\",\"intakeYear\":2026,"
                            + "\"intakeSeason\":\"AUTUMN\",\"enrolledOn\":\"2026-09-01\",\"sourceCategory\":\"初中毕业生\","
                            + "\"originRegion\":\"330106\",\"priorityFlags\":[]}]}"))) EnrollmentBatchRequest request) {
        if (request == null || request.items() == null) {
            throw ProblemException.badRequest(List.of(new FieldError("items", "required", "items is required")));
        }
        if (request.items().size() > batchLimit) {
            throw new ProblemException(413, "Payload too large", "a batch holds at most " + batchLimit + " items",
                    List.of(new FieldError("items", "batch-limit", "at most " + batchLimit + " items, got " + request.items().size())));
        }
        List<EnrollmentIntake.Result> results = submitRetryingRace(request.items().stream().map(EnrollmentRequest::toSubmission).toList());
        List<EnrollmentBatchResponse.Item> items = new java.util.ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            EnrollmentIntake.Result r = results.get(i);
            items.add(new EnrollmentBatchResponse.Item(i, r.outcome().name(), r.id(), r.errors().isEmpty() ? null : r.errors()));
        }
        return new EnrollmentBatchResponse(items);
    }

    @GET
    @Path("/{schoolCode}/{sourceRecordId}")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "One record with its check result, by the school's code and record id; 404 when absent or outside "
            + "the caller's scope")
    public EnrollmentSnapshot get(
            @Parameter(description = CommonParameters.SCHOOL) @PathParam("schoolCode") String schoolCode,
            @Parameter(description = "The school's own record id (记录编号)") @PathParam("sourceRecordId") String sourceRecordId) {
        return search.one(schoolCode, sourceRecordId, caller).seenBy(caller.schoolLimit());
    }

    /**
     * 撤销: the school withdraws one of its records. The record is kept as WITHDRAWN (next version, history kept)
     * and {@code EnrollmentWithdrawn} is published; a second withdrawal is a 409 naming the current status.
     */
    @POST
    @Path("/{schoolCode}/{sourceRecordId}/withdrawal")
    @RolesAllowed(Roles.SCHOOL)
    @Operation(summary = "撤销: the school withdraws one of its records (kept as WITHDRAWN, history kept); 409 when already "
            + "withdrawn")
    @APIResponse(responseCode = "200", description = "The record as WITHDRAWN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentSnapshot.class)))
    @APIResponse(responseCode = "409", description = "The record is already withdrawn; detail names its status")
    public EnrollmentSnapshot withdraw(
            @Parameter(description = CommonParameters.SCHOOL) @PathParam("schoolCode") String schoolCode,
            @Parameter(description = "The school's own record id (记录编号)") @PathParam("sourceRecordId") String sourceRecordId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reason",
                    value = "{\"reason\":\"学生放弃入学\"}"))) ReasonRequest request) {
        return withdrawal.withdraw(schoolCode, sourceRecordId, request == null ? null : request.reason(), caller.school());
    }

    /** The same withdrawal for clients that speak DELETE: never a hard delete. */
    @DELETE
    @Path("/{schoolCode}/{sourceRecordId}")
    @RolesAllowed(Roles.SCHOOL)
    @Operation(summary = "The same withdrawal for clients that speak DELETE: never a hard delete")
    @APIResponse(responseCode = "200", description = "The record as WITHDRAWN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentSnapshot.class)))
    @APIResponse(responseCode = "409", description = "The record is already withdrawn; detail names its status")
    public EnrollmentSnapshot delete(
            @Parameter(description = CommonParameters.SCHOOL) @PathParam("schoolCode") String schoolCode,
            @Parameter(description = "The school's own record id (记录编号)") @PathParam("sourceRecordId") String sourceRecordId,
            @Parameter(description = "Why the record is withdrawn") @QueryParam("reason") String reason) {
        return withdrawal.withdraw(schoolCode, sourceRecordId, reason, caller.school());
    }

    /**
     * Records the caller may see, filtered by {@code school, city, province, year, season, level, mode, checkStatus,
     * status, updatedSince}, oldest change first, paged by {@code cursor} and {@code limit} (default 100, max 1000).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "Records the caller may see, oldest change first, paged (JSON; CSV of every matching record with "
            + "Accept: text/csv)")
    @Parameter(name = "school", in = ParameterIn.QUERY, description = CommonParameters.SCHOOL)
    @Parameter(name = "city", in = ParameterIn.QUERY, description = CommonParameters.CITY)
    @Parameter(name = "province", in = ParameterIn.QUERY, description = CommonParameters.PROVINCE)
    @Parameter(name = "year", in = ParameterIn.QUERY, description = "Intake year, e.g. 2026")
    @Parameter(name = "season", in = ParameterIn.QUERY, description = "Intake season: SPRING or AUTUMN")
    @Parameter(name = "level", in = ParameterIn.QUERY,
            description = "Class level: INTERMEDIATE, ADVANCED, PREP_TECHNICIAN or TECHNICIAN")
    @Parameter(name = "mode", in = ParameterIn.QUERY, description = "FULL_TIME or PART_TIME")
    @Parameter(name = "checkStatus", in = ParameterIn.QUERY,
            description = "Check result of registration-service: PENDING, CLEAN or FLAGGED")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "ACTIVE or WITHDRAWN")
    @Parameter(name = "updatedSince", in = ParameterIn.QUERY,
            description = "Changed at or after this ISO-8601 instant, e.g. 2026-09-01T00:00:00Z")
    @Parameter(name = "limit", in = ParameterIn.QUERY,
            description = "Records per page, 1 to " + EnrollmentSearch.MAX_LIMIT + " (default " + EnrollmentSearch.DEFAULT_LIMIT + ")")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = CommonParameters.CURSOR)
    public Page<EnrollmentSnapshot> list(@Context UriInfo uri) {
        EnrollmentSearch.Filter filter = search.parse(uri.getQueryParameters(), caller);
        int limit = EnrollmentSearch.limit(uri.getQueryParameters().getFirst("limit"));
        List<EnrollmentSnapshot> page = search.page(filter, KeysetCursor.decode(uri.getQueryParameters().getFirst("cursor")), limit);
        return new Page<>(page.stream().map(this::view).toList(), EnrollmentSearch.nextCursor(page, limit));
    }

    /** The same list as CSV (Accept: text/csv), every matching record, streamed page by page. */
    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "Records the caller may see, oldest change first, paged (JSON; CSV of every matching record with "
            + "Accept: text/csv)")
    public Response listCsv(@Context UriInfo uri) {
        EnrollmentSearch.Filter filter = search.parse(uri.getQueryParameters(), caller);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(Csv.line(EnrollmentCsv.HEADER));
            KeysetCursor after = null;
            List<EnrollmentSnapshot> page;
            do {
                KeysetCursor from = after;
                // One short transaction per page: a large export holds no transaction while the client reads.
                page = QuarkusTransaction.requiringNew().call(() -> search.page(filter, from, EXPORT_PAGE));
                for (EnrollmentSnapshot e : page) {
                    writer.write(Csv.line(EnrollmentCsv.values(view(e))));
                }
                after = page.isEmpty() ? null : EnrollmentSearch.after(page);
            } while (page.size() == EXPORT_PAGE);
            writer.flush();
        };
        return Response.ok(body, Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"enrollments.csv\"").build();
    }

    @GET
    @Path("/export.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "Every record the list would show (same filters, no paging) as CSV")
    @Parameter(name = "school", in = ParameterIn.QUERY, description = CommonParameters.SCHOOL)
    @Parameter(name = "city", in = ParameterIn.QUERY, description = CommonParameters.CITY)
    @Parameter(name = "province", in = ParameterIn.QUERY, description = CommonParameters.PROVINCE)
    @Parameter(name = "year", in = ParameterIn.QUERY, description = "Intake year, e.g. 2026")
    @Parameter(name = "season", in = ParameterIn.QUERY, description = "Intake season: SPRING or AUTUMN")
    @Parameter(name = "level", in = ParameterIn.QUERY,
            description = "Class level: INTERMEDIATE, ADVANCED, PREP_TECHNICIAN or TECHNICIAN")
    @Parameter(name = "mode", in = ParameterIn.QUERY, description = "FULL_TIME or PART_TIME")
    @Parameter(name = "checkStatus", in = ParameterIn.QUERY,
            description = "Check result of registration-service: PENDING, CLEAN or FLAGGED")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "ACTIVE or WITHDRAWN")
    @Parameter(name = "updatedSince", in = ParameterIn.QUERY,
            description = "Changed at or after this ISO-8601 instant, e.g. 2026-09-01T00:00:00Z")
    public Response exportCsv(@Context UriInfo uri) {
        return listCsv(uri);
    }

    /**
     * 身份证号查看: the full ID number of a record, for auditors and province offices (own province), with a
     * required reason; every reveal writes an access-log row in the same transaction.
     */
    @POST
    @Path("/{id}/reveal")
    @RolesAllowed({ Roles.AUDITOR, Roles.PROVINCE })
    @Operation(summary = "身份证号查看: the full ID number of a record with a required reason (auditors; a province office its own "
            + "province); every reveal is logged")
    public Map<String, String> reveal(
            @Parameter(description = "Enrollment record id (a UUID)") @PathParam("id") UUID id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reason",
                    value = "{\"reason\":\"核查双重学籍预警\"}"))) ReasonRequest request) {
        return Map.of("idNumber", idNumberReveal.reveal(id, request == null ? null : request.reason(), caller));
    }

    /** The record as this caller may see it: only the school that pushed it reads the origin to the county. */
    private EnrollmentSnapshot view(EnrollmentSnapshot e) {
        return e.seenBy(caller.schoolLimit());
    }

    private List<EnrollmentIntake.Result> submitRetryingRace(List<EnrollmentSubmission> items) {
        return ConstraintRaces.retryOnce(() -> intake.submit(items, caller.school()));
    }
}
