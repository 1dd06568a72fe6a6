package org.techschools.enrollment.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.techschools.commons.rest.FieldError;
import org.techschools.commons.rest.KeysetCursor;
import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.domain.SchoolChange;
import org.techschools.enrollment.domain.SchoolSanction;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.SchoolDirectory;
import org.techschools.enrollment.service.SchoolSanctions;

/** The school directory (学校名录) and the public disclosure of qualified schools (招生资质信息公开). */
@Path("/api/v1")
public class SchoolResource {

    /** A province division code (GB/T 2260): 330000 is Zhejiang. */
    private static final Pattern PROVINCE = Pattern.compile("[1-9][0-9]0000");
    private static final Pattern YEAR = Pattern.compile("(19|20|21)[0-9]{2}");

    @Inject
    SchoolDirectory directory;

    @Inject
    CallerScope caller;

    @Inject
    SchoolSanctions sanctions;

    /**
     * Creates or changes a school within the caller's authority: a city office its own city's non-provincial schools,
     * a province office its province's (moving them between its cities, deciding 省属), the national centre any
     * (moving them between provinces). The code is the school's identity: a post with another code is another school.
     */
    @POST
    @Path("/schools")
    @RolesAllowed({ Roles.PROVINCE, Roles.CITY, Roles.NATIONAL })
    public Response upsert(SchoolRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "request body is required")));
        }
        boolean created = directory.upsert(request, caller);
        SchoolView view = directory.view(School.findById(request.code()));
        return Response.status(created ? 201 : 200).entity(view).build();
    }

    @GET
    @Path("/schools/{code}")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    public SchoolView get(@PathParam("code") String code) {
        School school = School.findById(code);
        if (school == null || !caller.covers(school.provinceCode, school.cityCode, school.code)) {
            throw ProblemException.notFound("school");
        }
        return directory.view(school);
    }

    /** Every creation of and change to the school, newest first: who, in which role, when, each field before and after. */
    @GET
    @Path("/schools/{code}/history")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    public Page<SchoolChangeView> history(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        int size = EnrollmentSearch.limit(limit);
        List<SchoolChange> changes = directory.history(code, caller, KeysetCursor.decode(cursor), size);
        String next = changes.size() < size ? null
                : new KeysetCursor(changes.get(changes.size() - 1).changedAt, changes.get(changes.size() - 1).id).encode();
        return new Page<>(changes.stream().map(SchoolChangeView::of).toList(), next);
    }

    /**
     * 处理处罚: records a sanction against a school of the caller's province (201 with it). One that suspends
     * enrollment refuses the school's records enrolled within its period (422 rule school-suspended).
     */
    @POST
    @Path("/schools/{code}/sanctions")
    @RolesAllowed(Roles.PROVINCE)
    public Response sanction(@PathParam("code") String code, SanctionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "request body is required")));
        }
        SchoolSanction recorded = sanctions.record(code, request, caller);
        return Response.status(201).entity(SanctionView.of(recorded, sanctions.today())).build();
    }

    /** A school's sanctions, newest first, with who recorded each and when. */
    @GET
    @Path("/schools/{code}/sanctions")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    public List<SanctionView> sanctions(@PathParam("code") String code) {
        LocalDate today = sanctions.today();
        return sanctions.of(code, caller).stream().map(s -> SanctionView.of(s, today)).toList();
    }

    /**
     * No token needed: the list of schools qualified to enroll in a year, with their majors, 招生简章 link, complaint
     * hotline and sanctions (current and past). Cached; any change to
     * the directory drops the cache as soon as it commits. The parameters are checked before the cache is asked, so it
     * only ever holds lists of real (province, year) pairs, and at most quarkus.cache.caffeine."public-schools".maximum-size
     * of them; each client address may ask platform.limits.rate.public times per period (then 429 with Retry-After).
     */
    @GET
    @Path("/public/schools")
    @PermitAll
    public List<SchoolView> qualified(@QueryParam("province") String province, @QueryParam("year") String year) {
        List<FieldError> errors = new ArrayList<>();
        if (province == null || province.isBlank()) {
            errors.add(new FieldError("province", "required", "province is required: a province division code, e.g. 330000"));
        } else if (!PROVINCE.matcher(province).matches()) {
            errors.add(new FieldError("province", "province-code", "province must be six digits ending in 0000, e.g. 330000"));
        }
        if (year == null || year.isBlank()) {
            errors.add(new FieldError("year", "required", "year is required, e.g. 2026"));
        } else if (!YEAR.matcher(year).matches()) {
            errors.add(new FieldError("year", "year", "year must be a four-digit year from 1900 to 2199, e.g. 2026"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return directory.qualified(province, Integer.parseInt(year));
    }
}
