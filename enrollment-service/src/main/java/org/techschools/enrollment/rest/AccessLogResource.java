package org.techschools.enrollment.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.IdNumberAccess;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.IdNumberReveal;
import org.techschools.commons.rest.KeysetCursor;

/** The ID-number access log (身份证号查看记录): who revealed which record's ID number, when and why. */
@Path("/api/v1/access-log")
public class AccessLogResource {

    @Inject
    IdNumberReveal reveal;

    @Inject
    CallerScope caller;

    /** Newest first, paged by {@code cursor}; a province office sees its province's records only. */
    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE })
    public Page<IdNumberAccessView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = EnrollmentSearch.limit(limit);
        List<IdNumberAccess> rows = reveal.accessLog(caller, KeysetCursor.decode(cursor), size);
        String next = rows.size() < size ? null
                : new KeysetCursor(rows.get(rows.size() - 1).accessedAt, rows.get(rows.size() - 1).id).encode();
        return new Page<>(rows.stream().map(IdNumberAccessView::of).toList(), next);
    }
}
