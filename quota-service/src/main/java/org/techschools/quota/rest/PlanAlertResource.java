package org.techschools.quota.rest;

import java.util.List;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.Roles;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.quota.domain.PlanAlertType;
import org.techschools.quota.service.PlanAlertWorkflow;
import org.techschools.quota.service.PlanAlertFilter;

/**
 * Plan-compliance alerts (OVER_PLAN 超计划, NO_PLAN 无计划, CROSS_CITY_RECRUITMENT 省内跨市招生), scoped by the token:
 * a school sees its own, a city office its city, a province its province; offices work them through their workflow.
 */
@Path("/api/v1/plan-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plan-alerts", description = "招生计划执行预警 and their workflow")
public class PlanAlertResource {

    /** {@code POST /api/v1/plan-alerts/{id}/transitions}. */
    public record Transition(String to, String note) {
    }

    @Inject
    PlanAlertWorkflow alerts;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Plan alerts visible to the caller, newest first; filters type, status, province, city, school, "
            + "year; page with limit and nextCursor")
    public PlanAlertView.Page list(
            @Parameter(description = "Plan alert type: OVER_PLAN (超计划招生), NO_PLAN or CROSS_CITY_RECRUITMENT") @QueryParam("type") String type,
            @Parameter(description = "Workflow status: OPEN, INVESTIGATING, CONFIRMED, DISMISSED or REFERRED") @QueryParam("status") String status,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province,
            @Parameter(description = CommonParameters.CITY) @QueryParam("city") String city,
            @Parameter(description = CommonParameters.SCHOOL) @QueryParam("school") String school,
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = "Alerts per page, 1 to " + PlanAlertFilter.MAX_LIMIT + " (default " + PlanAlertFilter.DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
            @Parameter(description = CommonParameters.CURSOR) @QueryParam("cursor") String cursor) {
        KeysetCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = KeysetCursor.parse(cursor.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(List.of(new FieldError("cursor", "invalid-value",
                        "cursor must be a nextCursor of an earlier page")));
            }
        }
        return PlanAlertView.Page.of(alerts.search(new PlanAlertFilter(QueryParameters.optionalEnum("type", type, PlanAlertType.class),
                QueryParameters.optionalEnum("status", status, AlertStatus.class),
                QueryParameters.optionalProvince(province), QueryParameters.optionalCity(city),
                QueryParameters.optionalSchool(school), QueryParameters.optionalYear(year),
                PageLimit.parse(limit, PlanAlertFilter.DEFAULT_LIMIT, PlanAlertFilter.MAX_LIMIT), after)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "A plan alert with its records and workflow history")
    public PlanAlertView get(@Parameter(description = "Plan alert id (a UUID)") @PathParam("id") String id) {
        return PlanAlertView.of(alerts.get(PlanRequests.id(id, "id")));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Move an alert: OPEN→INVESTIGATING→CONFIRMED|DISMISSED, CONFIRMED→REFERRED; 409 otherwise")
    @APIResponse(responseCode = "200", description = "The alert after the move, with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanAlertView.class)))
    @APIResponse(responseCode = "409", description = "The alert's status does not allow this move; detail names the allowed ones")
    public PlanAlertView move(
            @Parameter(description = "Plan alert id (a UUID)") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "investigate",
                    value = "{\"to\":\"INVESTIGATING\",\"note\":\"已函询学校核实招生名单\"}"))) Transition body) {
        AlertStatus to = QueryParameters.optionalEnum("to", body == null ? null : body.to(), AlertStatus.class);
        if (to == null) {
            throw ProblemException.badRequest(List.of(new FieldError("to", "required",
                    "the status to move to, e.g. INVESTIGATING")));
        }
        return PlanAlertView.of(alerts.move(PlanRequests.id(id, "id"), to, PlanRequests.freeText(body.note(), "note")));
    }
}
