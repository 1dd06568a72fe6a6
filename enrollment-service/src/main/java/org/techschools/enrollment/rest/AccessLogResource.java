package org.techschools.enrollment.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.service.AccessLogChain;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.IdNumberReveal;
import org.techschools.commons.paging.KeysetCursor;

/**
 * The ID-number access log (身份证号查看记录): who revealed which record's ID number, when and why; and the check of its
 * hash chain.
 */
@Path("/api/v1/access-log")
public class AccessLogResource {

    @Inject
    IdNumberReveal reveal;

    @Inject
    AccessLogChain chain;

    @Inject
    CallerScope caller;

    /** Newest first, paged by {@code cursor}; a province office sees its province's records only. */
    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE })
    @Operation(summary = "Who saw which full ID number, when and why, newest first; a province office sees its province's "
            + "records only")
    public Page<IdNumberAccessView> list(
            @Parameter(description = CommonParameters.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Items per page, 1 to " + EnrollmentSearch.MAX_LIMIT + " (default " + EnrollmentSearch.DEFAULT_LIMIT + ")") @QueryParam(""
                    + "limit") String limit) {
        int size = EnrollmentSearch.limit(limit);
        List<IdNumberReveal.LoggedAccess> rows = reveal.accessLog(caller, KeysetCursor.decode(cursor), size);
        String next = rows.size() < size ? null
                : new KeysetCursor(rows.get(rows.size() - 1).accessedAt(), rows.get(rows.size() - 1).id()).encode();
        return new Page<>(rows.stream().map(IdNumberAccessView::of).toList(), next);
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Checks the access log's hash chain from its first row: each row's SHA-256 over its fields and the"
            + " previous row's hash, positions without gaps",
            description = "intact=true with rowsChecked and headHash (note it: rows later removed from the end show as a"
                    + " shorter chain or another head), or intact=false naming firstBroken: the row's id, seq, accessedAt"
                    + " and the rule it breaks (sequence-gap: a row before it is missing; previous-hash-mismatch: the row"
                    + " before it was changed or replaced; hash-mismatch: the row itself was changed)")
    public AccessLogChain.Verdict verify() {
        return chain.verify();
    }
}
