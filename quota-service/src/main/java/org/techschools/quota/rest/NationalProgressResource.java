package org.techschools.quota.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.security.Roles;
import org.techschools.quota.domain.NationalProgress;
import org.techschools.quota.service.NationalProgressService;

/** 全国进展 for the national centre: target vs actual of every province that has a target for the year. */
@Path("/api/v1/progress/national")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "progress", description = "目标任务 vs 招生计划 vs 实际招生 (进展)")
public class NationalProgressResource {

    @Inject
    NationalProgressService national;

    @GET
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Target vs actual enrollment of every province with a target for the year, and their sum")
    public NationalProgress national(@Parameter(description = CommonParameters.YEAR) @QueryParam("year") String year) {
        return national.national(QueryParameters.requiredYear(year));
    }
}
