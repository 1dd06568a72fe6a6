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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.rest.KeysetCursor;
import org.techschools.commons.rest.FieldError;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.Roles;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.quota.domain.PlanAlertType;
import org.techschools.quota.domain.PlanAlertView;
import org.techschools.quota.service.PlanAlertBook;
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
    PlanAlertBook alerts;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Plan alerts visible to the caller, newest first; filters type, status, province, city, school, "
            + "year; page with limit and nextCursor")
    public PlanAlertView.Page list(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("province") String province, @QueryParam("city") String city,
            @QueryParam("school") String school, @QueryParam("year") String year, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        KeysetCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = KeysetCursor.parse(cursor.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(List.of(new FieldError("cursor", "invalid-value",
                        "cursor must be a nextCursor of an earlier page")));
            }
        }
        return alerts.search(new PlanAlertFilter(QueryParameters.optionalEnum("type", type, PlanAlertType.class),
                QueryParameters.optionalEnum("status", status, AlertStatus.class),
                QueryParameters.optionalProvince(province), QueryParameters.optionalCity(city),
                QueryParameters.optionalSchool(school), QueryParameters.optionalYear(year),
                PageLimit.parse(limit, PlanAlertFilter.DEFAULT_LIMIT, PlanAlertFilter.MAX_LIMIT), after));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "A plan alert with its records and workflow history")
    public PlanAlertView get(@PathParam("id") String id) {
        return alerts.get(PlanRequests.id(id, "id"));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Move an alert: OPEN→INVESTIGATING→CONFIRMED|DISMISSED, CONFIRMED→REFERRED; 409 otherwise")
    public PlanAlertView move(@PathParam("id") String id, Transition body) {
        AlertStatus to = QueryParameters.optionalEnum("to", body == null ? null : body.to(), AlertStatus.class);
        if (to == null) {
            throw ProblemException.badRequest(List.of(new FieldError("to", "required",
                    "the status to move to, e.g. INVESTIGATING")));
        }
        return alerts.move(PlanRequests.id(id, "id"), to, PlanRequests.freeText(body.note(), "note"));
    }
}
