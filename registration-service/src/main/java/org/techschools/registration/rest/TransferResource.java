package org.techschools.registration.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.TransferStatus;
import org.techschools.registration.service.RegistrationLifecycle;
import org.techschools.registration.service.TransferApplication;

/** 转学申请: requests to transfer a 学籍 out, waiting for the province's decision, with their age. */
@Path("/api/v1/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transfers")
public class TransferResource {

    private static final int MAX_NOTE = 2000;

    @Inject
    RegistrationLifecycle lifecycle;

    @Inject
    CallerScope scope;

    /** A request with how long it has waited (until decided): {@code age} as ISO-8601 duration and whole days. */
    public record TransferView(UUID id, UUID registrationId, String fromSchoolCode, String toSchoolCode, String provinceCode,
            String cityCode, TransferStatus status, LocalDate effectiveOn, String reason, String requestedBy,
            Instant requestedAt, String age, long ageDays, String decidedBy, Instant decidedAt, String note) {

        static TransferView of(TransferApplication t) {
            return new TransferView(t.id(), t.registrationId(), t.fromSchoolCode(), t.toSchoolCode(), t.provinceCode(),
                    t.cityCode(), t.status(), t.effectiveOn(), t.reason(), t.requestedBy(), t.requestedAt(), t.age().toString(),
                    t.age().toDays(), t.decidedBy(), t.decidedAt(), t.decisionNote());
        }
    }

    /** One page; {@code nextCursor} is null on the last. */
    public record TransferList(List<TransferView> items, String nextCursor) {
    }

    /** Requests per page. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** Body of {@code POST /api/v1/transfers/{id}/decision}. */
    public record Decision(Boolean approve, String note) {
    }

    @GET
    @RolesAllowed({ Roles.PROVINCE, Roles.CITY, Roles.SCHOOL, Roles.NATIONAL, Roles.AUDITOR })
    @Operation(summary = "Transfer requests in the caller's scope with the given status (default PENDING), oldest first, each with its age",
            description = "{\"items\":[...],\"nextCursor\"}. Paged: limit is 1 to " + MAX_LIMIT + " requests (default "
                    + DEFAULT_LIMIT + "; more answers 400 naming limit, rule out-of-range); nextCursor (null on the last"
                    + " page) is the cursor of the next page.")
    public TransferList list(
            @Parameter(description = "PENDING (default), APPROVED or REJECTED") @RestQuery String status,
            @Parameter(description = "Requests per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @RestQuery String limit,
            @Parameter(description = CommonParameters.CURSOR) @RestQuery String cursor) {
        TransferStatus wanted;
        try {
            wanted = status == null || status.isBlank() ? TransferStatus.PENDING : TransferStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new FieldError("status", "invalid-value",
                    "must be one of " + List.of(TransferStatus.values()))));
        }
        int size = PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<TransferApplication> found = lifecycle.transfers(wanted, scope, KeysetCursor.decode(cursor), size);
        List<TransferApplication> page = found.size() > size ? found.subList(0, size) : found;
        TransferApplication last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new TransferList(page.stream().map(TransferView::of).toList(),
                found.size() > size ? new KeysetCursor(last.requestedAt(), last.id()).encode() : null);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "Approve or reject a pending transfer; 409 when decided before",
            description = "An approval ends the 学籍 at the old school (TRANSFERRED_OUT) and creates it ACTIVE at toSchoolCode."
                    + " The receiving school must be in the school directory, qualified for this year and have filed the"
                    + " 学籍's major at its class level: else 422 naming toSchoolCode and the rule (unknown-school,"
                    + " school-not-qualified, major-not-filed), and the request stays pending.")
    @APIResponse(responseCode = "200", description = "The decided request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "409", description = "The request was decided before")
    @APIResponse(responseCode = "422", description = "The receiving school is unknown, not qualified this year or has not filed the major")
    public TransferView decide(
            @Parameter(description = "Transfer request id (a UUID)") @RestPath String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "approve",
                    value = "{\"approve\":true,\"note\":\"材料齐全，同意转入\"}"))) Decision decision) {
        UUID transferId;
        try {
            transferId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("transfer");
        }
        if (decision == null || decision.approve() == null) {
            throw ProblemException.badRequest(List.of(new FieldError("approve", "required", "must be true or false")));
        }
        if (decision.note() != null && decision.note().length() > MAX_NOTE) {
            throw ProblemException.badRequest(List.of(new FieldError("note", "too-long", "at most " + MAX_NOTE + " characters")));
        }
        IdNumberShape.refuse("note", decision.note());
        return TransferView.of(lifecycle.decide(transferId, decision.approve(), decision.note(), scope));
    }
}
