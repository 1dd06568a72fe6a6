package org.techschools.quota.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.TargetListing;
import org.techschools.quota.service.TargetService;

/**
 * 目标任务: the targets of a province, its cities and schools per year, with the places where city targets do not
 * add up to the province target (shown, not refused). Province and city offices see their own province; school
 * targets of other cities are hidden from a city office.
 */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets", description = "目标任务")
public class TargetResource {

    @Inject
    TargetService targets;

    @Inject
    CallerScope caller;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Targets of a year (or every year) and province, with discrepancies between levels")
    public TargetListing list(@QueryParam("year") String year, @QueryParam("province") String province) {
        Integer targetYear = QueryParameters.optionalYear(year);
        String provinceCode = QueryParameters.optionalProvince(province);
        String limit = caller.provinceLimit();
        if (limit != null) {
            if (provinceCode != null && !provinceCode.equals(limit)) {
                throw ProblemException.forbidden("province " + provinceCode + " is outside the caller's scope");
            }
            provinceCode = limit;
        }
        return targets.list(targetYear, provinceCode, caller.cityLimit());
    }
}
