package org.techschools.registration.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.ApproachingDeadline;
import org.techschools.registration.service.RegistrationDeadlineWatch;

/** 学籍注册截止提醒: deadlines coming up in the caller's scope, with each school's 学籍 of the intake so far. */
@Path("/api/v1/registration-deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationDeadlineResource {

    static final int MAX_WITHIN = 366;

    @Inject
    RegistrationDeadlineWatch watch;

    @Inject
    CallerScope caller;

    @GET
    @Path("/approaching")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY })
    @Operation(summary = "Registration deadlines within the next days (default 30), with each school's 学籍 of the intake so far")
    public List<ApproachingDeadline> approaching(
            @Parameter(description = "Days ahead, 0 to " + MAX_WITHIN + " (default 30)") @QueryParam("within") String within,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province) {
        int days = 30;
        if (within != null && !within.isBlank()) {
            if (!within.matches("\\d{1,3}") || Integer.parseInt(within) > MAX_WITHIN) {
                throw ProblemException.badRequest(List.of(new FieldError("within", "range", "within is a number of days, 0–" + MAX_WITHIN)));
            }
            days = Integer.parseInt(within);
        }
        if (province != null && !province.isBlank() && !province.matches("[1-9]\\d0000")) {
            throw ProblemException.badRequest(List.of(new FieldError("province", "region-code", "province is a province division code, e.g. 330000")));
        }
        String limit = caller.provinceLimit();
        String provinceCode = province == null || province.isBlank() ? limit : province;
        if (limit != null && !limit.equals(provinceCode)) {
            throw ProblemException.forbidden("the province is outside the caller's scope");
        }
        return watch.approaching(days, provinceCode, caller.cityLimit());
    }
}
