package org.techschools.registration.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

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

import io.smallrye.mutiny.Multi;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.openapi.CommonParameters;
import org.techschools.registration.rest.AlertViews.AlertDetail;
import org.techschools.registration.rest.AlertViews.AlertItem;
import org.techschools.registration.rest.AlertViews.AlertPage;
import org.techschools.registration.rest.AlertViews.AlertStats;
import org.techschools.registration.rest.AlertViews.ShareRequest;
import org.techschools.registration.rest.AlertViews.TransitionRequest;
import org.techschools.registration.service.AlertDisclosure;
import org.techschools.registration.domain.AlertFilter;
import org.techschools.registration.domain.AlertQueries;
import org.techschools.registration.service.AlertSearch;
import org.techschools.registration.service.AlertStream;
import org.techschools.registration.service.AlertWorkflow;
import org.techschools.registration.service.Visibility;

/** Duplicate-registration alerts (双重学籍预警) for auditors and HR offices, each limited to its scope. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class AlertResource {

    /** A comment line this often keeps proxies from closing an idle stream; the first tells the client it is live. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    @Inject
    AlertSearch search;

    @Inject
    AlertWorkflow workflow;

    @Inject
    AlertStream stream;

    @Inject
    CallerScope scope;

    @Inject
    AlertDisclosure disclosure;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "List alerts visible to the caller, newest first; from is inclusive, to exclusive; page with nextCursor")
    public AlertPage list(
            @Parameter(description = ParameterDocs.ALERT_TYPE) @RestQuery String type,
            @Parameter(description = ParameterDocs.ALERT_STATUS) @RestQuery String status,
            @Parameter(description = ParameterDocs.ALERT_SEVERITY) @RestQuery String severity,
            @Parameter(description = CommonParameters.PROVINCE) @RestQuery String province,
            @Parameter(description = CommonParameters.CITY) @RestQuery String city,
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String school,
            @Parameter(description = CommonParameters.FROM) @RestQuery String from,
            @Parameter(description = CommonParameters.TO) @RestQuery String to,
            @Parameter(description = ParameterDocs.ALERT_LIMIT) @RestQuery String limit,
            @Parameter(description = CommonParameters.CURSOR) @RestQuery String cursor) {
        AlertFilter filter = AlertFilterParams.parse(type, status, severity, province, city, school, from, to, limit, cursor);
        AlertSearch.Page page = search.search(filter, Visibility.of(scope));
        return new AlertPage(page.alerts().stream().map(AlertItem::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/stats")
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "Alert counts (total and still open) per type, status, city or school, within the caller's scope; same filters as the list")
    public AlertStats stats(
            @Parameter(description = "What to count by: type, status, city or school") @RestQuery String groupBy,
            @Parameter(description = ParameterDocs.ALERT_TYPE) @RestQuery String type,
            @Parameter(description = ParameterDocs.ALERT_STATUS) @RestQuery String status,
            @Parameter(description = ParameterDocs.ALERT_SEVERITY) @RestQuery String severity,
            @Parameter(description = CommonParameters.PROVINCE) @RestQuery String province,
            @Parameter(description = CommonParameters.CITY) @RestQuery String city,
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String school,
            @Parameter(description = CommonParameters.FROM) @RestQuery String from,
            @Parameter(description = CommonParameters.TO) @RestQuery String to) {
        AlertQueries.GroupBy by = groupBy(groupBy);
        AlertFilter filter = AlertFilterParams.parse(type, status, severity, province, city, school, from, to, null, null);
        List<AlertQueries.Group> groups = search.stats(filter, Visibility.of(scope), by);
        return new AlertStats(by.name().toLowerCase(java.util.Locale.ROOT), groups);
    }

    @GET
    @Path("/export.csv")
    @Produces(AlertCsv.MEDIA_TYPE)
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "Every alert the list would show (same filters, no paging) as CSV, one line per record an alert names")
    public Response export(
            @Parameter(description = ParameterDocs.ALERT_TYPE) @RestQuery String type,
            @Parameter(description = ParameterDocs.ALERT_STATUS) @RestQuery String status,
            @Parameter(description = ParameterDocs.ALERT_SEVERITY) @RestQuery String severity,
            @Parameter(description = CommonParameters.PROVINCE) @RestQuery String province,
            @Parameter(description = CommonParameters.CITY) @RestQuery String city,
            @Parameter(description = CommonParameters.SCHOOL) @RestQuery String school,
            @Parameter(description = CommonParameters.FROM) @RestQuery String from,
            @Parameter(description = CommonParameters.TO) @RestQuery String to) {
        AlertFilter filter = AlertFilterParams.parse(type, status, severity, province, city, school, from, to,
                Integer.toString(AlertFilter.MAX_LIMIT), null);
        Visibility visibility = Visibility.of(scope);
        StreamingOutput body = out -> AlertCsv.write(out, search, filter, visibility);
        return Response.ok(body, AlertCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"alerts.csv\"").build();
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "Server-sent events: each new alert the caller may see, as the list shows it (event 'alert', id = alert id),"
            + " once committed; a ': keep-alive' comment at once and every 15 s. The stream ends when the token expires:"
            + " reconnect with a new token")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // The scope is read now, on the request: the stream outlives the request context.
        Visibility visibility = Visibility.of(scope);
        Duration tokenLeft = Duration.ofMillis(Math.max(1, Duration.between(clock.instant(), scope.expiresAt()).toMillis()));
        Multi<OutboundSseEvent> alerts = stream.visibleTo(visibility).map(shown -> alertEvent(sse, shown));
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(KEEP_ALIVE)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // Alerts first: merging subscribes in order, so the first comment proves the alert subscription is in place.
        // Completed at the token's expiry: a stream must not go on showing alerts to a caller whose grant has ended.
        return Multi.createBy().merging().streams(alerts, keepAlive).select().first(tokenLeft);
    }

    private static OutboundSseEvent alertEvent(Sse sse, AlertDisclosure.ShownAlert shown) {
        return sse.newEventBuilder().name("alert").id(shown.id().toString()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(AlertItem.class, AlertItem.of(shown)).build();
    }

    private static AlertQueries.GroupBy groupBy(String text) {
        String message = "must be one of type, status, city, school";
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(List.of(new FieldError("groupBy", "required", message)));
        }
        try {
            return AlertQueries.GroupBy.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new FieldError("groupBy", "invalid-value", message)));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "One alert with its records, evidence and workflow history; 404 when absent or outside the caller's scope")
    public AlertDetail get(@Parameter(description = "Alert id (a UUID)") @RestPath String id) {
        UUID alertId = alertId(id);
        return search.find(alertId, Visibility.of(scope)).map(a -> AlertDetail.of(a, disclosure.history(a)))
                .orElseThrow(() -> ProblemException.notFound("alert"));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.AUDITOR, Roles.PROVINCE })
    @Operation(summary = "Move an alert: OPEN→INVESTIGATING→CONFIRMED|DISMISSED, CONFIRMED→REFERRED; 409 when illegal;"
            + " 403 when deciding (CONFIRMED, DISMISSED, REFERRED) an alert that names a record outside the caller's scope")
    @APIResponse(responseCode = "200", description = "The alert after the move, with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertDetail.class)))
    @APIResponse(responseCode = "409", description = "The alert's status does not allow this move; detail names the allowed ones")
    public AlertDetail transition(
            @Parameter(description = "Alert id (a UUID)") @RestPath String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirm",
                    value = "{\"to\":\"CONFIRMED\",\"note\":\"两校学籍均为全日制在籍，已与两校核实\"}"))) TransitionRequest request) {
        UUID alertId = alertId(id);
        AlertStatus to = target(request);
        workflow.move(alertId, to, scope.name(), request.note(), Visibility.of(scope));
        return get(id);
    }

    @POST
    @Path("/{id}/share")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Show every side of the alert to all who see it (each school then sees the other school's record);"
            + " kept in the history as a SHARE step; 403 when the alert names a record outside the auditor's region")
    public AlertDetail share(
            @Parameter(description = "Alert id (a UUID)") @RestPath String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "share",
                    value = "{\"note\":\"请两校核对该生的在读情况\"}"))) ShareRequest request) {
        UUID alertId = alertId(id);
        workflow.share(alertId, scope.name(), request == null ? null : request.note(), Visibility.of(scope));
        return get(id);
    }

    private static AlertStatus target(TransitionRequest request) {
        List<AlertStatus> allowed = List.of(AlertStatus.INVESTIGATING, AlertStatus.CONFIRMED, AlertStatus.DISMISSED,
                AlertStatus.REFERRED);
        String message = "must be one of " + allowed;
        if (request == null || request.to() == null || request.to().isBlank()) {
            throw ProblemException.badRequest(List.of(new FieldError("to", "required", message)));
        }
        try {
            AlertStatus to = AlertStatus.valueOf(request.to().trim());
            if (allowed.contains(to)) {
                return to;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the same answer as a status auditors may not set
        }
        throw ProblemException.badRequest(List.of(new FieldError("to", "invalid-value", message)));
    }

    private static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("alert");
        }
    }
}
