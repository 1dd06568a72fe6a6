package org.techschools.enrollment.rest;

import java.time.YearMonth;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.commons.csv.Csv;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.enrollment.service.Divisions;
import org.techschools.enrollment.service.NationalProgress;
import org.techschools.enrollment.service.OverdueProgressReport;
import org.techschools.enrollment.service.ProgressFiling;
import org.techschools.enrollment.service.ProgressReport;
import org.techschools.enrollment.service.ProgressReportWorkbook;
import org.techschools.enrollment.service.ProgressReports;

/**
 * 技工院校招生情况进展表 (docs/DOMAIN.md#progress-report): a province's monthly report as of the end of the month —
 * as JSON, CSV or XLSX — its filing (报送) with the province's figures kept as filed, and the national centre's
 * overview of who filed.
 */
@Path("/api/v1/progress-reports")
public class ProgressReportResource {

    private static final String MONTH = "{month: \\d{4}-\\d{2}}";

    @Inject
    ProgressReports reports;

    @Inject
    CallerScope caller;

    @Inject
    Divisions divisions;

    @GET
    @Path("/national/" + MONTH)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "The national centre's overview of a month: which provinces filed the 进展表, when, and the figures filed")
    public NationalProgress national(
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        return reports.national(ProgressReports.parseMonth(month));
    }

    /**
     * 逾期未报: reports past their due date without a filing, of {@code year} (default: this year and the last) — a
     * province office's own, the national centre's of every mainland province or of {@code province}.
     */
    @GET
    @Path("/overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL })
    @Operation(summary = "逾期未报: reports past their due date without a filing — a province office's own, the national "
            + "centre's of every province or of one")
    public List<OverdueProgressReport> overdue(
            @Parameter(description = "Year, e.g. 2026; absent: this year and the last") @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province) {
        Integer y = null;
        if (year != null && !year.isBlank()) {
            if (!year.matches("\\d{4}")) {
                throw ProblemException.badRequest(List.of(new FieldError("year", "format", "year is four digits, e.g. 2026")));
            }
            y = Integer.valueOf(year);
        }
        String provinceCode = province == null || province.isBlank() ? caller.provinceLimit() : province;
        if (provinceCode != null && !divisions.isProvince(provinceCode)) {
            throw ProblemException.badRequest(List.of(new FieldError("province", "region-code", "province is not a GB/T 2260 province")));
        }
        if (provinceCode != null) {
            caller.requireCovers(provinceCode, null, null);
        }
        return reports.overdue(y, provinceCode);
    }

    @GET
    @Path("/{provinceCode}/" + MONTH)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "技工院校招生情况进展表 of a province as of the end of the month: JSON, CSV (Accept: text/csv) or XLSX "
            + "(Accept: the XLSX type)")
    public ProgressReport get(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        return report(provinceCode, month);
    }

    @GET
    @Path("/{provinceCode}/" + MONTH)
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "技工院校招生情况进展表 of a province as of the end of the month: JSON, CSV (Accept: text/csv) or XLSX "
            + "(Accept: the XLSX type)")
    public Response getCsv(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        ProgressReport report = report(provinceCode, month);
        return Response.ok(report.toCsv(), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"progress-" + provinceCode + "-" + report.month() + ".csv\"").build();
    }

    @GET
    @Path("/{provinceCode}/" + MONTH + ".csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "The 进展表 of a province and month as a CSV file")
    public Response csvFile(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        return getCsv(provinceCode, month);
    }

    @GET
    @Path("/{provinceCode}/" + MONTH)
    @Produces(ProgressReportWorkbook.MEDIA_TYPE)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "技工院校招生情况进展表 of a province as of the end of the month: JSON, CSV (Accept: text/csv) or XLSX "
            + "(Accept: the XLSX type)")
    public Response getXlsx(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        ProgressReport report = report(provinceCode, month);
        StreamingOutput body = out -> ProgressReportWorkbook.write(report, out);
        return Response.ok(body, ProgressReportWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"progress-" + provinceCode + "-" + report.month() + ".xlsx\"").build();
    }

    @GET
    @Path("/{provinceCode}/" + MONTH + ".xlsx")
    @Produces(ProgressReportWorkbook.MEDIA_TYPE)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "The 进展表 of a province and month as an XLSX file")
    public Response xlsxFile(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        return getXlsx(provinceCode, month);
    }

    /** 报送: the province office files today's figures of the month; refiling replaces them, history kept. */
    @POST
    @Path("/{provinceCode}/" + MONTH + "/filing")
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "报送: the province office files today's figures of the month; refiling replaces them, history kept")
    @APIResponse(responseCode = "200", description = "The filing beside today's recomputation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressFiling.class)))
    @APIResponse(responseCode = "422", description = "No progress report is scheduled for this month (rule not-scheduled)")
    public ProgressFiling file(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        YearMonth m = scoped(provinceCode, month);
        reports.file(provinceCode, m, caller.name());
        return filingView(provinceCode, m);
    }

    /** The filing beside today's recomputation of the same month, with the per-cell difference. */
    @GET
    @Path("/{provinceCode}/" + MONTH + "/filing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "The filing beside today's recomputation of the same month, with the per-cell difference")
    public ProgressFiling filing(
            @Parameter(description = CommonParameters.PROVINCE) @PathParam("provinceCode") String provinceCode,
            @Parameter(description = "Month of the report, YYYY-MM, e.g. 2026-09") @PathParam("month") String month) {
        return filingView(provinceCode, scoped(provinceCode, month));
    }

    private ProgressFiling filingView(String provinceCode, YearMonth month) {
        return reports.filingView(provinceCode, month).orElseThrow(() -> ProblemException.notFound("filing of the province for the month"));
    }

    private ProgressReport report(String provinceCode, String month) {
        return reports.compute(provinceCode, scoped(provinceCode, month));
    }

    /** 400 for an unknown province or month, 403 for a province office asking about another province. */
    private YearMonth scoped(String provinceCode, String month) {
        reports.requireProvince(provinceCode);
        YearMonth m = ProgressReports.parseMonth(month);
        caller.requireCovers(provinceCode, null, null);
        return m;
    }
}
