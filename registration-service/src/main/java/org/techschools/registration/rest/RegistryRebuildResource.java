package org.techschools.registration.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.RebuildStore;
import org.techschools.registration.service.RegistryRebuild;

/**
 * 重建学籍库: rebuilds the whole registry and its alerts from {@code enrollment-events}. National role only: the
 * registry spans every province, so no office limited to one may empty it. {@code deployment/local/rebuild-registry}
 * drives it on the local run.
 */
@Path("/api/v1/registry/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class RegistryRebuildResource {

    @Inject
    RegistryRebuild rebuild;

    @Inject
    CallerScope scope;

    @POST
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "Empty the registry and its alerts and replay enrollment-events from the beginning, in the background"
            + " (202 with the status; 409 while a rebuild runs). Alert workflow and 学籍异动 made here are not in the events and are lost")
    @APIResponse(responseCode = "202", description = "The rebuild started: its status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStore.Status.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running")
    public Response start() {
        return Response.accepted(rebuild.start(scope.name())).build();
    }

    @GET
    @RolesAllowed(Roles.NATIONAL)
    @Operation(summary = "The running or last rebuild: state, events applied and skipped, 学籍 and alerts before and after")
    public RebuildStore.Status status() {
        return rebuild.status();
    }
}
