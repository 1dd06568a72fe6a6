package org.techschools.quota.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.ProgressReport;
import org.techschools.quota.domain.SchoolProgressReport;
import org.techschools.quota.service.ProgressService;

/**
 * 进展 dashboards of HR offices: target vs plan vs actual per province, city and school. A province office sees its
 * province, a city office its own city; the national centre and auditors see every province.
 */
@Path("/api/v1/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "progress", description = "目标任务 vs 招生计划 vs 实际招生 (进展)")
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    CallerScope caller;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Target, plan and actual enrollment of a province and its cities in an intake year")
    public ProgressReport province(@QueryParam("year") String year, @QueryParam("province") String province) {
        int intakeYear = QueryParameters.requiredYear(year);
        String provinceCode = QueryParameters.requiredProvince(province);
        requireProvince(provinceCode);
        return progress.province(intakeYear, provinceCode, caller.cityLimit());
    }

    @GET
    @Path("/{cityCode}/schools")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Actual enrollment per school of a city in an intake year, by class level, study mode and major")
    public SchoolProgressReport schools(@PathParam("cityCode") String cityCode, @QueryParam("year") String year) {
        String city = QueryParameters.city(cityCode);
        int intakeYear = QueryParameters.requiredYear(year);
        if (!caller.covers(Regions.province(city), city, null)) {
            throw ProblemException.forbidden("city " + city + " is outside the caller's scope");
        }
        return progress.city(intakeYear, city);
    }

    private void requireProvince(String provinceCode) {
        String limit = caller.provinceLimit();
        if (limit != null && !limit.equals(provinceCode)) {
            throw ProblemException.forbidden("province " + provinceCode + " is outside the caller's scope");
        }
    }
}
