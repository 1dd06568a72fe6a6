package org.techschools.registration.rest;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import org.techschools.commons.limits.BodyLimit;
import org.techschools.commons.limits.RateLimited;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.RosterSystem;
import org.techschools.registration.service.RosterImport;

/** Rosters (名册) of the education system's 普高 and 中职 registries, uploaded by a province office (docs/DOMAIN.md#rosters). */
@Path("/api/v1/rosters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rosters")
public class RosterResource {

    @Inject
    RosterImport rosters;

    @Inject
    CallerScope scope;

    @POST
    @Path("/{system}")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.PROVINCE)
    @BodyLimit("roster")
    @RateLimited("upload")
    @Operation(summary = "Replace the caller's province roster of GENERAL_HIGH_SCHOOL or SECONDARY_VOCATIONAL; CSV header"
            + " idNumber,name,gender,birthDate,schoolName,status; answers rows, accepted and the rejected lines with field and"
            + " rule; 在籍 rows are matched against ACTIVE 学籍 (CROSS_SYSTEM_REGISTRATION)")
    @APIResponse(responseCode = "200", description = "The roster was replaced: rows, accepted and the rejected lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterImport.Report.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this caller; retry after Retry-After seconds")
    public RosterImport.Report upload(
            @Parameter(description = "The roster's system: GENERAL_HIGH_SCHOOL (普通高中) or SECONDARY_VOCATIONAL (中职)") @RestPath String system,
            InputStream body) {
        RosterSystem rosterSystem;
        try {
            rosterSystem = RosterSystem.valueOf(system);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new FieldError("system", "invalid-value",
                    "must be one of " + List.of(RosterSystem.values()))));
        }
        if (scope.region() == null) {
            throw ProblemException.forbidden("the token names no region: a roster belongs to a province");
        }
        return rosters.replace(rosterSystem, Regions.province(scope.region()), scope.name(), body);
    }
}
