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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.rest.FieldError;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.rest.SortKeyCursor;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.PlanStatus;
import org.techschools.quota.domain.PlanView;
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
    public Response create(PlanRequests.NewPlan body) {
        if (body == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "a plan is required")));
        }
        String school = PlanRequests.required(body.schoolCode(), "schoolCode", "the school the plan is for");
        int year = PlanRequests.year(body.year());
        PlanView plan = plans.create(school, year, PlanRequests.lines(body.lines()));
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
    public PlanView.Page list(@QueryParam("year") String year, @QueryParam("city") String city,
            @QueryParam("school") String school, @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return plans.list(QueryParameters.requiredYear(year), QueryParameters.optionalCity(city),
                QueryParameters.optionalSchool(school), QueryParameters.optionalEnum("status", status, PlanStatus.class),
                SortKeyCursor.decode(cursor, 1), PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "A plan with its lines, status, adjustment requests and history")
    public PlanView get(@PathParam("id") String id) {
        return plans.get(PlanRequests.id(id, "id"));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Replace the lines of a DRAFT plan (409 once issued: request an adjustment instead)")
    public PlanView edit(@PathParam("id") String id, PlanRequests.Lines body) {
        return plans.edit(PlanRequests.id(id, "id"), PlanRequests.lines(body == null ? null : body.lines()));
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Issue (下达) a DRAFT plan; 422 names each line whose major or level is not filed")
    public PlanView issue(@PathParam("id") String id) {
        return plans.issue(PlanRequests.id(id, "id"));
    }

    @POST
    @Path("/{id}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "File (备案) an ISSUED plan with the province")
    public PlanView file(@PathParam("id") String id, PlanRequests.Note body) {
        return plans.file(PlanRequests.id(id, "id"), body == null ? null : PlanRequests.freeText(body.note(), "note"));
    }

    @POST
    @Path("/{id}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Request an adjustment (调整申请) of an issued plan: the lines it would have, and the reason")
    public Response requestAdjustment(@PathParam("id") String id, PlanRequests.Adjustment body) {
        if (body == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "lines and reason are required")));
        }
        String reason = PlanRequests.freeText(PlanRequests.required(body.reason(), "reason", "why the plan is to change"), "reason");
        PlanView plan = plans.requestAdjustment(PlanRequests.id(id, "id"), PlanRequests.lines(body.lines()), reason);
        return Response.status(Response.Status.CREATED).entity(plan).build();
    }

    @POST
    @Path("/{id}/adjustments/{adjustmentId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "The province approves (the lines apply) or rejects an adjustment request")
    public PlanView decide(@PathParam("id") String id, @PathParam("adjustmentId") String adjustmentId,
            PlanRequests.Decision body) {
        String decision = PlanRequests.required(body == null ? null : body.decision(), "decision", "APPROVE or REJECT");
        if (!decision.equals("APPROVE") && !decision.equals("REJECT")) {
            throw ProblemException.badRequest(List.of(new FieldError("decision", "invalid-value", "APPROVE or REJECT")));
        }
        return plans.decide(PlanRequests.id(id, "id"), PlanRequests.id(adjustmentId, "adjustmentId"),
                decision.equals("APPROVE"), PlanRequests.freeText(body.note(), "note"));
    }
}
