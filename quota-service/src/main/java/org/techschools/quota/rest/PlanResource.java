package org.techschools.quota.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.PlanStatus;
import org.techschools.quota.service.PlanService;

/**
 * 招生计划: the city office issues each school's plan (the province: 省属 schools), checked against the school's filed
 * major catalogue, and files it with the province; an issued plan changes only by an adjustment request (调整申请)
 * the province approves.
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plans", description = "招生计划: draft, issue (下达), file (备案), adjustment requests (调整申请)")
public class PlanResource {

    @Inject
    PlanService plans;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Create the DRAFT plan of a school for an intake year (city office; province for 省属 schools)")
    @APIResponse(responseCode = "201", description = "The DRAFT plan; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The school already has a plan for the year")
    @APIResponse(responseCode = "422", description = "Unknown school, no lines, or a line whose major or level is not filed")
    public Response create(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "new plan",
                    value = "{\"schoolCode\":\"3301001\",\"year\":2026,\"lines\":[{\"majorCode\":\"0101-4\",\"classLevel\":\"ADVANCED\",\"studyMode\":\"FULL_TIME\",\"count\":120}]}"))) PlanRequests.NewPlan body) {
        if (body == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "a plan is required")));
        }
        String school = PlanRequests.required(body.schoolCode(), "schoolCode", "the school the plan is for");
        int year = PlanRequests.year(body.year());
        PlanView plan = PlanView.of(plans.create(school, year, PlanRequests.lines(body.lines())));
        return Response.status(Response.Status.CREATED).entity(plan).header("Location", "/api/v1/plans/" + plan.id())
                .build();
    }

    /** Plans per page: a province's schools fit in a few. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Plans of an intake year visible to the caller, filtered by city, school and status",
            description = "{\"items\":[...],\"nextCursor\"} by school code. Paged: limit is 1 to " + MAX_LIMIT + " plans (default "
                    + DEFAULT_LIMIT + "; more answers 400 naming limit, rule out-of-range); nextCursor (null on the last"
                    + " page) is the cursor of the next page.")
    public PlanView.Page list(
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = CommonParameters.CITY) @QueryParam("city") String city,
            @Parameter(description = CommonParameters.SCHOOL) @QueryParam("school") String school,
            @Parameter(description = "Plan status: DRAFT (草稿), ISSUED (已下达) or FILED (已备案)") @QueryParam("status") String status,
            @Parameter(description = "Plans per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
            @Parameter(description = CommonParameters.CURSOR) @QueryParam("cursor") String cursor) {
        return PlanView.Page.of(plans.list(QueryParameters.requiredYear(year), QueryParameters.optionalCity(city),
                QueryParameters.optionalSchool(school), QueryParameters.optionalEnum("status", status, PlanStatus.class),
                SortKeyCursor.decode(cursor, 1), PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "A plan with its lines, status, adjustment requests and history")
    public PlanView get(@Parameter(description = "Plan id (a UUID)") @PathParam("id") String id) {
        return PlanView.of(plans.get(PlanRequests.id(id, "id")));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Replace the lines of a DRAFT plan (409 once issued: request an adjustment instead)")
    @APIResponse(responseCode = "200", description = "The DRAFT plan with its new lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is no longer a DRAFT")
    @APIResponse(responseCode = "422", description = "No lines, or a line whose major or level is not filed")
    public PlanView edit(
            @Parameter(description = "Plan id (a UUID)") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "lines",
                    value = "{\"lines\":[{\"majorCode\":\"0101-4\",\"classLevel\":\"ADVANCED\",\"studyMode\":\"FULL_TIME\",\"count\":120}]}"))) PlanRequests.Lines body) {
        return PlanView.of(plans.edit(PlanRequests.id(id, "id"), PlanRequests.lines(body == null ? null : body.lines())));
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Issue (下达) a DRAFT plan; 422 names each line whose major or level is not filed")
    @APIResponse(responseCode = "200", description = "The ISSUED plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not a DRAFT")
    @APIResponse(responseCode = "422", description = "A line whose major or level is not filed; each is named")
    public PlanView issue(@Parameter(description = "Plan id (a UUID)") @PathParam("id") String id) {
        return PlanView.of(plans.issue(PlanRequests.id(id, "id")));
    }

    @POST
    @Path("/{id}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "File (备案) an ISSUED plan with the province")
    @APIResponse(responseCode = "200", description = "The FILED plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not ISSUED")
    public PlanView file(
            @Parameter(description = "Plan id (a UUID)") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "file",
                    value = "{\"note\":\"按省厅备案要求报送\"}"))) PlanRequests.Note body) {
        return PlanView.of(plans.file(PlanRequests.id(id, "id"),
                body == null ? null : PlanRequests.freeText(body.note(), "note")));
    }

    @POST
    @Path("/{id}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Request an adjustment (调整申请) of an issued plan: the lines it would have, and the reason")
    @APIResponse(responseCode = "201", description = "The plan with the pending adjustment request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is a DRAFT, or already has an adjustment awaiting decision")
    @APIResponse(responseCode = "422", description = "No lines, or a line whose major or level is not filed")
    public Response requestAdjustment(
            @Parameter(description = "Plan id (a UUID)") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "adjustment",
                    value = "{\"lines\":[{\"majorCode\":\"0101-4\",\"classLevel\":\"ADVANCED\",\"studyMode\":\"FULL_TIME\",\"count\":150}],\"reason\":\"新增合作企业订单班\"}"))) PlanRequests.Adjustment body) {
        if (body == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "lines and reason are required")));
        }
        String reason = PlanRequests.freeText(PlanRequests.required(body.reason(), "reason", "why the plan is to change"), "reason");
        PlanView plan = PlanView.of(plans.requestAdjustment(PlanRequests.id(id, "id"), PlanRequests.lines(body.lines()),
                reason));
        return Response.status(Response.Status.CREATED).entity(plan).build();
    }

    @POST
    @Path("/{id}/adjustments/{adjustmentId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "The province approves (the lines apply) or rejects an adjustment request")
    @APIResponse(responseCode = "200", description = "The plan after the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The adjustment was decided before")
    public PlanView decide(
            @Parameter(description = "Plan id (a UUID)") @PathParam("id") String id,
            @Parameter(description = "Adjustment request id (a UUID)") @PathParam("adjustmentId") String adjustmentId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "approve",
                    value = "{\"decision\":\"APPROVE\",\"note\":\"同意调整\"}"))) PlanRequests.Decision body) {
        String decision = PlanRequests.required(body == null ? null : body.decision(), "decision", "APPROVE or REJECT");
        if (!decision.equals("APPROVE") && !decision.equals("REJECT")) {
            throw ProblemException.badRequest(List.of(new FieldError("decision", "invalid-value", "APPROVE or REJECT")));
        }
        return PlanView.of(plans.decide(PlanRequests.id(id, "id"), PlanRequests.id(adjustmentId, "adjustmentId"),
                decision.equals("APPROVE"), PlanRequests.freeText(body.note(), "note")));
    }
}
