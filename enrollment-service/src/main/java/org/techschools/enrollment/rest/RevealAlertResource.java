package org.techschools.enrollment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.service.EnrollmentSearch;
import org.techschools.enrollment.service.RevealQuota;

/** 身份证号查看超限预警: people refused a reveal because they reached the day's limit, for the national centre. */
@Path("/api/v1/reveal-alerts")
@Produces(MediaType.APPLICATION_JSON)
public class RevealAlertResource {

    /** One person's day over the limit: who, in which role and region, and how many reveals were refused. */
    public record RevealAlertView(UUID id, String accessedBy, String role, String region, LocalDate day, int dailyLimit,
            Instant raisedAt, int refused, Instant lastRefusedAt) {

        static RevealAlertView of(RevealQuota.Alert a) {
            return new RevealAlertView(a.id(), a.accessedBy(), a.role(), a.region(), a.day(), a.dailyLimit(), a.raisedAt(),
                    a.refused(), a.lastRefusedAt());
        }
    }

    @Inject
    RevealQuota quota;

    @GET
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Reveal-limit alerts, newest first: one per person and day over platform.limits.reveal.per-day;"
            + " paged by limit (1 to 1000, default 100; beyond: 400) and nextCursor")
    public Page<RevealAlertView> list(
            @Parameter(description = CommonParameters.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Items per page, 1 to " + EnrollmentSearch.MAX_LIMIT + " (default " + EnrollmentSearch.DEFAULT_LIMIT + ")") @QueryParam(""
                    + "limit") String limit) {
        RevealQuota.AlertPage page = quota.alerts(KeysetCursor.decode(cursor), EnrollmentSearch.limit(limit));
        return new Page<>(page.alerts().stream().map(RevealAlertView::of).toList(), page.nextCursor());
    }
}
