package org.techschools.registration.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.RegistrationChangeType;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.registration.domain.RollFilter;
import org.techschools.registration.service.RegistrationLifecycle;
import org.techschools.registration.service.RegistrationRoll;
import org.techschools.registration.service.RegistrationSnapshot;

/** The 学籍 registry: the roll in the caller's scope, and one 学籍 by id (ID number masked). */
@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registrations")
public class RegistrationResource {

    private static final int MAX_REASON = 500;
    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    /** 学籍异动 dates are civil dates in China. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    CallerScope scope;

    @Inject
    RegistrationLifecycle lifecycle;

    @Inject
    RegistrationRoll roll;

    @Inject
    Clock clock;

    public record RegistrationView(UUID id, UUID enrollmentId, String schoolCode, String sourceRecordId, String personKey,
            String idNumberMasked, String name, Gender gender, LocalDate birthDate, StudyMode studyMode, ClassLevel classLevel,
            String majorCode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn, String provinceCode,
            String cityCode, RegistrationStatus status, Instant registeredAt, Instant updatedAt, String certificateNumber) {
    }

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "学籍名册: the 学籍 in the caller's scope, in registration order; page with nextCursor",
            description = "{\"items\":[...],\"nextCursor\"}. Filters: schoolCode, status, classLevel, studyMode, intakeYear,"
                    + " namePrefix (the name's start), sourceRecordId (with schoolCode: the 学籍 an enrollment record created)."
                    + " limit is 1 to " + RollParams.MAX_LIMIT + " (default " + RollParams.DEFAULT_LIMIT + "). A bad value"
                    + " answers 400 naming the field and rule. The ID number shows only masked.")
    public RollViews.RollPage list(
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String schoolCode,
            @Parameter(description = ParameterDocs.ROLL_STATUS) @RestQuery String status,
            @Parameter(description = ParameterDocs.CLASS_LEVEL) @RestQuery String classLevel,
            @Parameter(description = ParameterDocs.STUDY_MODE) @RestQuery String studyMode,
            @Parameter(description = ParameterDocs.INTAKE_YEAR) @RestQuery String intakeYear,
            @Parameter(description = ParameterDocs.NAME_PREFIX) @RestQuery String namePrefix,
            @Parameter(description = ParameterDocs.SOURCE_RECORD_ID) @RestQuery String sourceRecordId,
            @Parameter(description = "学籍 per page, 1 to " + RollParams.MAX_LIMIT + " (default " + RollParams.DEFAULT_LIMIT + ")") @RestQuery String limit,
            @Parameter(description = CommonParameters.CURSOR) @RestQuery String cursor) {
        RollFilter filter = RollParams.parse(schoolCode, status, classLevel, studyMode, intakeYear, namePrefix,
                sourceRecordId, limit, cursor);
        return RollViews.RollPage.of(roll.page(filter, RegistrationRoll.Scope.of(scope)));
    }

    @GET
    @Path("/export.csv")
    @Produces(RollViews.CSV_MEDIA_TYPE)
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "Every 学籍 the roll would show (same filters, no paging) as CSV, one line each")
    public Response export(
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String schoolCode,
            @Parameter(description = ParameterDocs.ROLL_STATUS) @RestQuery String status,
            @Parameter(description = ParameterDocs.CLASS_LEVEL) @RestQuery String classLevel,
            @Parameter(description = ParameterDocs.STUDY_MODE) @RestQuery String studyMode,
            @Parameter(description = ParameterDocs.INTAKE_YEAR) @RestQuery String intakeYear,
            @Parameter(description = ParameterDocs.NAME_PREFIX) @RestQuery String namePrefix,
            @Parameter(description = ParameterDocs.SOURCE_RECORD_ID) @RestQuery String sourceRecordId) {
        RollFilter filter = RollParams.parse(schoolCode, status, classLevel, studyMode, intakeYear, namePrefix,
                sourceRecordId, Integer.toString(RollParams.MAX_LIMIT), null);
        RegistrationRoll.Scope within = RegistrationRoll.Scope.of(scope);
        StreamingOutput body = out -> RollViews.writeCsv(out, roll, filter, within);
        return Response.ok(body, RollViews.CSV_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"registrations.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "One 学籍; 404 when absent or outside the caller's scope")
    public RegistrationView get(@Parameter(description = "学籍 id (a UUID)") @RestPath String id) {
        UUID registrationId;
        try {
            registrationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("registration");
        }
        return lifecycle.find(registrationId, scope).map(RegistrationResource::view)
                .orElseThrow(() -> ProblemException.notFound("registration"));
    }

    /** Body of {@code POST /api/v1/registrations/{id}/changes}; dates as text so a bad one answers 400 naming the field. */
    public record ChangeRequest(String type, String effectiveOn, String reason, String toSchoolCode) {
    }

    @POST
    @Path("/{id}/changes")
    @RolesAllowed({ Roles.SCHOOL, Roles.PROVINCE })
    @Operation(summary = "学籍异动: SUSPEND, RESUME, WITHDRAW, GRADUATE, CANCEL take effect at once (200 with the 学籍);"
            + " TRANSFER files a request the province decides (202 with the request); 409 naming the current status when"
            + " the change is not allowed from it")
    @APIResponse(responseCode = "200", description = "The change took effect: the 学籍 as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "202", description = "TRANSFER: the pending request the province decides",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferResource.TransferView.class)))
    @APIResponse(responseCode = "409", description = "The change is not allowed from the current status, or a transfer is already pending")
    @APIResponse(responseCode = "422", description = "TRANSFER to a school that is the same, unknown, not qualified this year or has not filed the major")
    public Response change(
            @Parameter(description = "学籍 id (a UUID)") @RestPath String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "suspend", value = "{\"type\":\"SUSPEND\",\"effectiveOn\":\"2025-11-03\",\"reason\":\"病休一学期\"}"),
                    @ExampleObject(name = "transfer", value = "{\"type\":\"TRANSFER\",\"effectiveOn\":\"2026-02-20\","
                            + "\"reason\":\"随父母迁居\",\"toSchoolCode\":\"3302001\"}") })) ChangeRequest request) {
        UUID registrationId;
        try {
            registrationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("registration");
        }
        RegistrationLifecycle.Change change = parse(request);
        RegistrationLifecycle.Outcome outcome = lifecycle.change(registrationId, change, scope);
        if (outcome.filedTransfer() != null) {
            return Response.accepted(TransferResource.TransferView.of(outcome.filedTransfer())).build();
        }
        return Response.ok(view(outcome.registration())).build();
    }

    private RegistrationLifecycle.Change parse(ChangeRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("type", "required", "a change needs a type")));
        }
        List<FieldError> errors = new ArrayList<>();
        RegistrationChangeType type = null;
        String types = "must be one of " + List.of(RegistrationChangeType.values());
        if (request.type() == null || request.type().isBlank()) {
            errors.add(new FieldError("type", "required", types));
        } else {
            try {
                type = RegistrationChangeType.valueOf(request.type().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "invalid-value", types));
            }
        }
        LocalDate effectiveOn = LocalDate.now(clock.withZone(CHINA));
        if (request.effectiveOn() != null && !request.effectiveOn().isBlank()) {
            try {
                effectiveOn = LocalDate.parse(request.effectiveOn().trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("effectiveOn", "invalid-value", "must be a date such as 2025-09-01"));
            }
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "too-long", "at most " + MAX_REASON + " characters"));
        }
        String toSchool = request.toSchoolCode() == null ? null : request.toSchoolCode().trim();
        if (type == RegistrationChangeType.TRANSFER && (toSchool == null || toSchool.isEmpty())) {
            errors.add(new FieldError("toSchoolCode", "required", "a transfer names the school it goes to"));
        } else if (type == RegistrationChangeType.TRANSFER && !SCHOOL_CODE.matcher(toSchool).matches()) {
            errors.add(new FieldError("toSchoolCode", "invalid-value", "must be a school code"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        // The reason goes to the 学籍's history and registration-events: an ID number in it is refused (422).
        IdNumberShape.refuse("reason", request.reason());
        return new RegistrationLifecycle.Change(type, effectiveOn, request.reason(), toSchool);
    }

    private static RegistrationView view(RegistrationSnapshot r) {
        return new RegistrationView(r.id(), r.enrollmentId(), r.schoolCode(), r.sourceRecordId(), r.personKey(),
                r.idNumberMasked(), r.name(), r.gender(), r.birthDate(), r.studyMode(), r.classLevel(), r.majorCode(),
                r.intakeYear(), r.intakeSeason(), r.enrolledOn(), r.provinceCode(), r.cityCode(), r.status(), r.registeredAt(),
                r.updatedAt(), r.certificateNumber());
    }
}
