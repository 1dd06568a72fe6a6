package org.techschools.quota.rest;

import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.TargetProgress;
import org.techschools.quota.domain.TargetProgress.CityProgress;
import org.techschools.quota.domain.TargetProgress.GroupCount;
import org.techschools.quota.domain.SchoolTargetProgress;
import org.techschools.quota.domain.SchoolTargetProgress.SchoolProgress;
import org.techschools.quota.service.ProgressService;
import org.techschools.commons.csv.Csv;
import org.techschools.commons.openapi.CommonParameters;

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
    DashboardJson dashboardJson;

    @Inject
    CallerScope caller;

    @GET
    @Path("/progress")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Target, plan and actual enrollment of a province and its cities in an intake year "
            + "(JSON, or CSV with Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "The progress report as JSON, or as CSV when Accept asks for it",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetProgress.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE) })
    public Response province(
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province,
            @Parameter(description = "text/csv for CSV; otherwise JSON") @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ProvinceQuery query = provinceQuery(year, province);
        // JSON unless the client asks for CSV by name (a bare */* keeps the JSON API's default).
        if (accept != null && accept.contains(Csv.MEDIA_TYPE)) {
            return csv(report(query));
        }
        return json(dashboardJson.province(query.year(), query.provinceCode(), query.cityLimit()));
    }

    @GET
    @Path("/progress.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "The progress of a province and its cities as CSV, one row per city and a total row")
    public Response provinceCsv(
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province) {
        return csv(report(provinceQuery(year, province)));
    }

    @GET
    @Path("/progress/{cityCode}/schools")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Drill-down of a city: target, issued plan, actual, ACTIVE 学籍, completion, pro-rata figure, "
            + "level mix and priority groups per school, by class level, study mode and major (JSON, or CSV with "
            + "Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "The drill-down as JSON, or as CSV when Accept asks for it",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolTargetProgress.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE) })
    public Response schools(
            @Parameter(description = CommonParameters.CITY) @PathParam("cityCode") String cityCode,
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = "text/csv for CSV; otherwise JSON") @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String city = cityInScope(cityCode);
        int intakeYear = QueryParameters.requiredYear(year);
        if (accept != null && accept.contains(Csv.MEDIA_TYPE)) {
            return csv(progress.city(intakeYear, city));
        }
        return json(dashboardJson.city(intakeYear, city));
    }

    @GET
    @Path("/progress/{cityCode}/schools.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "The drill-down of a city as CSV, one row per school and a total row")
    public Response schoolsCsv(
            @Parameter(description = CommonParameters.CITY) @PathParam("cityCode") String cityCode,
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year) {
        String city = cityInScope(cityCode);
        return csv(progress.city(QueryParameters.requiredYear(year), city));
    }

    private String cityInScope(String cityCode) {
        String city = QueryParameters.city(cityCode);
        if (!caller.covers(Regions.province(city), city, null)) {
            throw ProblemException.forbidden("the city is outside the caller's scope");
        }
        return city;
    }

    private static Response json(byte[] report) {
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response csv(SchoolTargetProgress report) {
        StringBuilder csv = new StringBuilder(Csv.BOM);
        Object[] header = { "year", "schoolCode", "schoolName", "schoolType", "provincial", "target", "plan", "actual",
                "activeRegistrations", "completionPct", "expectedByToday", "advancedShare" };
        List<String> levels = Stream.of(ClassLevel.values()).map(Enum::name).toList();
        List<String> modes = Stream.of(StudyMode.values()).map(Enum::name).toList();
        Object[] groupHeader = report.priorityGroups().stream().map(GroupCount::label).toArray();
        csv.append(Csv.line(concat(concat(header, concat(levels.toArray(), modes.toArray())), groupHeader)));
        for (SchoolProgress s : report.schools()) {
            Object[] figures = { report.year(), s.schoolCode(), s.schoolName(), s.schoolType(), s.provincial(), s.target(),
                    s.plan(), s.actual(), s.activeRegistrations(), s.completionPct(), s.expectedByToday(),
                    s.advancedShare() };
            Object[] mix = concat(levels.stream().map(s.byLevel()::get).toArray(), modes.stream().map(s.byMode()::get).toArray());
            csv.append(Csv.line(concat(concat(figures, mix), s.priorityGroups().stream().map(GroupCount::count).toArray())));
        }
        Object[] total = { report.year(), report.cityCode(), "合计", null, null, report.target(), report.plan(),
                report.actual(), report.activeRegistrations(), report.completionPct(), report.expectedByToday(),
                report.advancedShare() };
        Object[] totalMix = concat(levels.stream().map(l -> sum(report, s -> s.byLevel().get(l))).toArray(),
                modes.stream().map(m -> sum(report, s -> s.byMode().get(m))).toArray());
        csv.append(Csv.line(concat(concat(total, totalMix),
                report.priorityGroups().stream().map(GroupCount::count).toArray())));
        return attachment(csv, "progress-" + report.cityCode() + "-" + report.year() + ".csv");
    }

    private static long sum(SchoolTargetProgress report, ToLongFunction<SchoolProgress> figure) {
        return report.schools().stream().mapToLong(figure).sum();
    }

    private static Response attachment(StringBuilder csv, String file) {
        return Response.ok(csv.toString(), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** A province view's validated arguments, and the city a city office is limited to. */
    private record ProvinceQuery(int year, String provinceCode, String cityLimit) {
    }

    private ProvinceQuery provinceQuery(String year, String province) {
        int intakeYear = QueryParameters.requiredYear(year);
        String provinceCode = QueryParameters.requiredProvince(province);
        requireProvince(provinceCode);
        return new ProvinceQuery(intakeYear, provinceCode, caller.cityLimit());
    }

    private TargetProgress report(ProvinceQuery query) {
        return progress.province(query.year(), query.provinceCode(), query.cityLimit());
    }

    private static Response csv(TargetProgress report) {
        StringBuilder csv = new StringBuilder(Csv.BOM);
        Object[] header = { "year", "cityCode", "cityName", "target", "plan", "actual", "activeRegistrations",
                "completionPct", "advancedShare", "expectedByToday" };
        Object[] groupHeader = report.priorityGroups().stream().map(GroupCount::label).toArray();
        csv.append(Csv.line(concat(header, groupHeader)));
        for (CityProgress c : report.cities()) {
            csv.append(Csv.line(concat(new Object[] { report.year(), c.cityCode(), c.cityName(), c.target(), c.plan(),
                    c.actual(), c.activeRegistrations(), c.completionPct(), c.advancedShare(), c.expectedByToday() },
                    c.priorityGroups().stream().map(GroupCount::count).toArray())));
        }
        csv.append(Csv.line(concat(new Object[] { report.year(), report.scopeCityCode() == null ? report.provinceCode()
                : report.scopeCityCode(), "合计", report.target(), report.plan(), report.actual(),
                report.activeRegistrations(), report.completionPct(),
                report.advancedShare(), report.expectedByToday() },
                report.priorityGroups().stream().map(GroupCount::count).toArray())));
        return attachment(csv, "progress-" + report.provinceCode() + "-" + report.year() + ".csv");
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
            throw ProblemException.forbidden("the province is outside the caller's scope");
        }
    }
}
