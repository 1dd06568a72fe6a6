package org.techschools.quota.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.ProgressReport;
import org.techschools.quota.domain.ProgressReport.CityProgress;
import org.techschools.quota.domain.ProgressReport.GroupCount;
import org.techschools.quota.domain.SchoolProgressReport;
import org.techschools.quota.service.ProgressService;

/**
 * 进展 dashboards of HR offices: target vs plan vs actual per province, city and school, with the pro-rata figure,
 * priority groups, the 五年攻坚 campaign and monthly burn-up; CSV for offices that print it. A province office sees
 * its province, a city office its own city; the national centre and auditors see every province.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "progress", description = "目标任务 vs 招生计划 vs 实际招生 (进展)")
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    CallerScope caller;

    @GET
    @Path("/progress")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Target, plan and actual enrollment of a province and its cities in an intake year "
            + "(JSON, or CSV with Accept: text/csv)")
    public Response province(@QueryParam("year") String year, @QueryParam("province") String province,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ProgressReport report = report(year, province);
        // JSON unless the client asks for CSV by name (a bare */* keeps the JSON API's default).
        if (accept != null && accept.contains(Csv.MEDIA_TYPE)) {
            return csv(report);
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/progress.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "The progress of a province and its cities as CSV, one row per city and a total row")
    public Response provinceCsv(@QueryParam("year") String year, @QueryParam("province") String province) {
        return csv(report(year, province));
    }

    @GET
    @Path("/progress/{cityCode}/schools")
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

    private ProgressReport report(String year, String province) {
        int intakeYear = QueryParameters.requiredYear(year);
        String provinceCode = QueryParameters.requiredProvince(province);
        requireProvince(provinceCode);
        return progress.province(intakeYear, provinceCode, caller.cityLimit());
    }

    private static Response csv(ProgressReport report) {
        StringBuilder csv = new StringBuilder(Csv.BOM);
        Object[] header = { "year", "cityCode", "cityName", "target", "plan", "actual", "completionPct", "advancedShare",
                "expectedByToday" };
        Object[] groupHeader = report.priorityGroups().stream().map(GroupCount::label).toArray();
        csv.append(Csv.line(concat(header, groupHeader)));
        for (CityProgress c : report.cities()) {
            csv.append(Csv.line(concat(new Object[] { report.year(), c.cityCode(), c.cityName(), c.target(), c.plan(),
                    c.actual(), c.completionPct(), c.advancedShare(), c.expectedByToday() },
                    c.priorityGroups().stream().map(GroupCount::count).toArray())));
        }
        csv.append(Csv.line(concat(new Object[] { report.year(), report.scopeCityCode() == null ? report.provinceCode()
                : report.scopeCityCode(), "合计", report.target(), report.plan(), report.actual(), report.completionPct(),
                report.advancedShare(), report.expectedByToday() },
                report.priorityGroups().stream().map(GroupCount::count).toArray())));
        String file = "progress-" + report.provinceCode() + "-" + report.year() + ".csv";
        return Response.ok(csv.toString(), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private void requireProvince(String provinceCode) {
        String limit = caller.provinceLimit();
        if (limit != null && !limit.equals(provinceCode)) {
            throw ProblemException.forbidden("province " + provinceCode + " is outside the caller's scope");
        }
    }
}
