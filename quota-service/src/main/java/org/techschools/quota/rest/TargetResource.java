package org.techschools.quota.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.limits.BodyLimit;
import org.techschools.commons.limits.RateLimited;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.TargetListing;
import org.techschools.quota.service.TargetImport;
import org.techschools.quota.service.TargetService;
import org.techschools.commons.csv.Csv;
import org.techschools.commons.openapi.CommonParameters;

/**
 * 目标任务: the targets of a province, its cities and schools per year, with the places where city targets do not
 * add up to the province target (shown, not refused). Province and city offices see their own province; school
 * targets of other cities are hidden from a city office. Province offices and the national centre import target
 * tables as CSV.
 */
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets", description = "目标任务")
public class TargetResource {

    @Inject
    TargetService targets;

    @Inject
    TargetImport imports;

    @Inject
    CallerScope caller;

    /** Rows of a page of targets: a province's table for several years fits in one. */
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 2000;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Targets of a year (or every year) and province, with discrepancies between levels",
            description = "Paged: limit is 1 to " + MAX_LIMIT + " targets (default " + DEFAULT_LIMIT + "; more answers 400"
                    + " naming limit, rule out-of-range), nextCursor (null on the last page) is the cursor of the next page."
                    + " campaigns and discrepancies cover the whole selection and come with every page.")
    public TargetListing list(
            @Parameter(description = "Year, e.g. 2025; absent: every year") @QueryParam("year") String year,
            @Parameter(description = CommonParameters.PROVINCE) @QueryParam("province") String province,
            @Parameter(description = "Targets per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
            @Parameter(description = CommonParameters.CURSOR) @QueryParam("cursor") String cursor) {
        Integer targetYear = QueryParameters.optionalYear(year);
        String provinceCode = QueryParameters.optionalProvince(province);
        int size = PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        SortKeyCursor after = SortKeyCursor.decode(cursor, TargetService.CURSOR_KEYS);
        String scope = caller.provinceLimit();
        if (scope != null) {
            if (provinceCode != null && !provinceCode.equals(scope)) {
                throw ProblemException.forbidden("the province is outside the caller's scope");
            }
            provinceCode = scope;
        }
        return targets.list(targetYear, provinceCode, caller.cityLimit(), after, size);
    }

    @POST
    @Path("/import")
    @Consumes({ Csv.MEDIA_TYPE, MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL })
    @BodyLimit("import")
    @RateLimited("upload")
    @Operation(summary = "Import a target table (目标任务表) from CSV, all or nothing; the same table again changes nothing",
            description = """
                    UTF-8 CSV, header first, columns in any order:
                    - `year` (required): four-digit year, e.g. 2025
                    - `level` (required): NATIONAL, PROVINCE, CITY or SCHOOL
                    - `code` (required): 000000 for NATIONAL, a province division code (330000) for PROVINCE, a city
                      division code (330100) for CITY, a school code known from school-events for SCHOOL
                    - `target` (required): new students, a whole number ≥ 0
                    - `classLevel` (optional): INTERMEDIATE, ADVANCED, PREP_TECHNICIAN or TECHNICIAN; empty means all levels
                    - `source` (optional): the document that set the target (文号), e.g. 浙人社函〔2023〕37号

                    Example:
                    ```
                    year,level,code,classLevel,target,source
                    2028,PROVINCE,330000,,150000,浙人社函〔2028〕1号
                    2028,CITY,330100,,27900,浙人社函〔2028〕1号
                    2028,CITY,330100,ADVANCED,9000,浙人社函〔2028〕1号
                    ```
                    Each row is upserted on (year, level, code, classLevel). A province office imports rows of its own
                    province only (no NATIONAL rows). Any broken row answers 422 and nothing is imported; each error
                    names the line (the header is line 1) and column as `rows[LINE].column`, e.g. `rows[3].target`
                    with rule `non-negative-integer`. Children that do not add up to their parent are imported and
                    shown as discrepancies by GET /api/v1/targets.""")
    @APIResponse(responseCode = "200", description = "rows read, created, updated and unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetImport.Result.class)))
    @APIResponse(responseCode = "400", description = "empty CSV, or a header lacking or repeating a column")
    @APIResponse(responseCode = "422", description = "a row breaks a rule: nothing was imported")
    @APIResponse(responseCode = "429", description = "Too many uploads from this caller; retry after Retry-After seconds")
    public TargetImport.Result importTable(String csv) {
        String limit = caller.provinceLimit();
        if ("none".equals(limit)) {
            throw ProblemException.forbidden("the token names no region: a province office imports its own province");
        }
        return imports.apply(csv, limit, caller.name());
    }
}
