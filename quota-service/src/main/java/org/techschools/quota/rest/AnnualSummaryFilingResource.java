package org.techschools.quota.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.AnnualSummaryChecklist;
import org.techschools.quota.domain.OverdueAnnualSummary;
import org.techschools.quota.service.AnnualSummaryFilingService;

/**
 * 年度总结报送: a city office files its annual summary with the province (due 30 November, configurable per year); the
 * province sees which cities filed, on time or late; offices list the summaries overdue.
 */
@Path("/api/v1/annual-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "annual-summary", description = "年度总结")
public class AnnualSummaryFilingResource {

    @Inject
    AnnualSummaryFilingService filings;

    @Inject
    CallerScope caller;

    @POST
    @Path("/{year}/cities/{cityCode}/filing")
    @RolesAllowed(Roles.CITY)
    @Operation(summary = "File the city's annual summary as it stands now (a refiling supersedes the one before, which is kept)")
    @APIResponse(responseCode = "200", description = "The filing as stored now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualSummaryFilingView.class)))
    @APIResponse(responseCode = "422", description = "The year has no summary to file yet (rule summary-year)")
    public AnnualSummaryFilingView file(
            @Parameter(description = "Year (招生年度 or the summary's year), e.g. 2025") @PathParam("year") String year,
            @Parameter(description = CommonParameters.CITY) @PathParam("cityCode") String cityCode) {
        int y = QueryParameters.requiredYear(year);
        String city = QueryParameters.city(cityCode);
        if (!city.equals(caller.cityLimit())) {
            throw ProblemException.forbidden("a city office files its own city's summary");
        }
        return AnnualSummaryFilingView.of(filings.file(y, city, caller.name()));
    }

    @GET
    @Path("/{year}/cities/{cityCode}/filing")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "The city's annual summary as filed, whether on time, and the filings it superseded")
    public AnnualSummaryFilingView filing(
            @Parameter(description = "Year (招生年度 or the summary's year), e.g. 2025") @PathParam("year") String year,
            @Parameter(description = CommonParameters.CITY) @PathParam("cityCode") String cityCode) {
        int y = QueryParameters.requiredYear(year);
        String city = QueryParameters.city(cityCode);
        caller.requireCovers(Regions.province(city), city, null);
        return AnnualSummaryFilingView.of(filings.filing(y, city));
    }

    @GET
    @Path("/{year}/filings")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.AUDITOR })
    @Operation(summary = "Which cities of the province filed the year's summary: filed on time, late, or missing")
    public AnnualSummaryChecklist checklist(
            @Parameter(description = "Year (招生年度 or the summary's year), e.g. 2025") @PathParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province) {
        int y = QueryParameters.requiredYear(year);
        String provinceCode = QueryParameters.requiredProvince(province);
        requireProvince(provinceCode);
        return filings.checklist(y, provinceCode);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE })
    @Operation(summary = "Cities whose annual summary is past its due day and not filed, of a year or of every year due so far")
    public List<OverdueAnnualSummary> overdue(
            @Parameter(description = "Year, e.g. 2025; absent: every year due so far") @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province) {
        Integer y = QueryParameters.optionalYear(year);
        String provinceCode = QueryParameters.optionalProvince(province);
        if (provinceCode == null) {
            provinceCode = caller.provinceLimit();
        }
        requireProvince(provinceCode);
        return filings.overdue(y, provinceCode);
    }

    /** 403 for a province office or regional auditor asking about another province. */
    private void requireProvince(String provinceCode) {
        String limit = caller.provinceLimit();
        if (limit != null && !limit.equals(provinceCode)) {
            throw ProblemException.forbidden("the province is outside the caller's scope");
        }
    }
}
