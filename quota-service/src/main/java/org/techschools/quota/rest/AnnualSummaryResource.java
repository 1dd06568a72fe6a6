package org.techschools.quota.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.AnnualSummary;
import org.techschools.quota.service.AnnualSummaryService;

/**
 * 年度总结 (due to the province by 30 November): per city and for the province, as JSON or as the XLSX sheet offices
 * file. A city office gets its own city's summary.
 */
@Path("/api/v1")
@Tag(name = "annual-summary", description = "年度总结")
public class AnnualSummaryResource {

    @Inject
    AnnualSummaryService summaries;

    @Inject
    CallerScope caller;

    @GET
    @Path("/annual-summary")
    @Produces({ MediaType.APPLICATION_JSON, AnnualSummaryWorkbook.MEDIA_TYPE })
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "The annual summary of a province and its cities (JSON, or XLSX when asked for by Accept)")
    @APIResponse(responseCode = "200", description = "The summary as JSON, or as an XLSX sheet when Accept asks for it",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualSummary.class)),
                    @Content(mediaType = AnnualSummaryWorkbook.MEDIA_TYPE) })
    public Response summary(
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province,
            @Parameter(description = "The XLSX media type for the sheet; otherwise JSON") @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        AnnualSummary summary = load(year, province);
        if (accept != null && accept.contains(AnnualSummaryWorkbook.MEDIA_TYPE)) {
            return xlsx(summary);
        }
        return Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/annual-summary.xlsx")
    @Produces(AnnualSummaryWorkbook.MEDIA_TYPE)
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "The annual summary as an XLSX sheet: one row per city and a 合计 row")
    @APIResponse(responseCode = "200", description = "The XLSX sheet, as an attachment",
            content = @Content(mediaType = AnnualSummaryWorkbook.MEDIA_TYPE))
    public Response summaryXlsx(
            @Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province) {
        return xlsx(load(year, province));
    }

    private AnnualSummary load(String year, String province) {
        int summaryYear = QueryParameters.requiredYear(year);
        String provinceCode = QueryParameters.requiredProvince(province);
        String limit = caller.provinceLimit();
        if (limit != null && !limit.equals(provinceCode)) {
            throw ProblemException.forbidden("the province is outside the caller's scope");
        }
        return summaries.summary(summaryYear, provinceCode, caller.cityLimit());
    }

    private static Response xlsx(AnnualSummary summary) {
        String file = "annual-summary-" + (summary.scopeCityCode() == null ? summary.provinceCode() : summary.scopeCityCode())
                + "-" + summary.year() + ".xlsx";
        return Response.ok(AnnualSummaryWorkbook.write(summary), AnnualSummaryWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
