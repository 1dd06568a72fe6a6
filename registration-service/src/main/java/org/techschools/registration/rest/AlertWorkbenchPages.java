package org.techschools.registration.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.console.ConsoleForms;
import org.techschools.commons.console.ConsoleText;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.rest.AlertViews.AlertDetail;
import org.techschools.registration.rest.AlertViews.AlertItem;
import org.techschools.registration.service.AlertDisclosure;
import org.techschools.registration.domain.AlertFilter;
import org.techschools.registration.domain.AlertQueries;
import org.techschools.registration.service.AlertSearch;
import org.techschools.registration.service.AlertWorkflow;
import org.techschools.registration.service.Visibility;

/**
 * The auditor workbench (稽核工作台): the alert list with filters and live arrivals, an alert's records side by side
 * with evidence and history, and the workflow moves. Shows exactly what the alert API shows the same person.
 */
@Path("/console/alerts")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "console")
public class AlertWorkbenchPages {


    /** The filters as the page's form holds them. */
    public record FilterForm(String type, String status, String city, String school, String from, String to) {

        String query() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("type", type);
            values.put("status", status);
            values.put("city", city);
            values.put("school", school);
            values.put("from", from);
            values.put("to", to);
            return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    /** One fact of an alert's evidence, as text. */
    public record EvidenceLine(String name, String value) {
    }

    public record Count(String key, String label, long count, long open) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(FilterForm filter, List<AlertItem> items, String nextUrl, String exportUrl,
                List<Count> byType, List<Count> byStatus, List<AlertType> types, List<AlertStatus> statuses, String error);

        static native TemplateInstance detail(AlertDetail alert, List<EvidenceLine> evidence, List<AlertStatus> moves,
                boolean mayShare, String message, String error);
    }

    @Inject
    AlertSearch search;

    @Inject
    AlertWorkflow workflow;

    @Inject
    AlertDisclosure disclosure;

    @Inject
    CallerScope scope;

    @Inject
    ConsoleForms forms;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "Console: the alert list with filters, counts by type and status, live arrivals and CSV export")
    public Response list(@RestQuery String type, @RestQuery String status, @RestQuery String city, @RestQuery String school,
            @RestQuery String from, @RestQuery String to, @RestQuery String cursor) {
        FilterForm form = new FilterForm(type, status, city, school, from, to);
        List<AlertType> types = List.of(AlertType.values());
        List<AlertStatus> statuses = List.of(AlertStatus.values());
        try {
            String fromInstant = dayStart("from", from, 0);
            String toInstant = dayStart("to", to, 1);
            AlertFilter filter = AlertFilterParams.parse(type, status, null, null, city, school, fromInstant, toInstant,
                    null, cursor);
            Visibility visibility = Visibility.of(scope);
            AlertSearch.Page page = search.search(filter, visibility);
            String query = form.query();
            String nextUrl = page.nextCursor() == null ? null
                    : "/console/alerts?" + (query.isEmpty() ? "" : query + "&") + "cursor=" + page.nextCursor();
            String exportUrl = "/api/v1/alerts/export.csv" + apiQuery(type, status, city, school, fromInstant, toInstant);
            return Response.ok(Templates.list(form, page.alerts().stream().map(AlertItem::of).toList(), nextUrl, exportUrl,
                    // Counts cover every page: the statistics ignore the cursor.
                    counts(filter, visibility, AlertQueries.GroupBy.TYPE), counts(filter, visibility, AlertQueries.GroupBy.STATUS),
                    types, statuses, null)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.list(form, List.of(), null, null, List.of(), List.of(), types,
                    statuses, ConsoleText.problem(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Operation(summary = "Console: one alert, its records side by side with evidence, score and history, and the workflow moves")
    public TemplateInstance detail(@RestPath String id, @RestQuery String done) {
        return detailPage(id, "moved".equals(done) ? "已保存" : "shared".equals(done) ? "已向各方公开" : null, null);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.AUDITOR, Roles.PROVINCE })
    @Operation(summary = "Console form: move the alert (with a note); 303 back to the alert")
    public Response move(@RestPath String id, @RestForm String to, @RestForm String note, @RestForm String csrf) {
        forms.check(csrf);
        UUID alertId = alertId(id);
        try {
            AlertStatus target = AlertStatus.valueOf(to == null ? "" : to.trim());
            workflow.move(alertId, target, scope.name(), note, Visibility.of(scope));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(detailPage(id, null, "请选择要转入的状态")).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(detailPage(id, null, ConsoleText.problem(e))).build();
        }
        return Response.seeOther(URI.create("/console/alerts/" + alertId + "?done=moved")).build();
    }

    @POST
    @Path("/{id}/share")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Console form: show every side of the alert to all involved; 303 back to the alert")
    public Response share(@RestPath String id, @RestForm String note, @RestForm String csrf) {
        forms.check(csrf);
        UUID alertId = alertId(id);
        try {
            workflow.share(alertId, scope.name(), note, Visibility.of(scope));
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(detailPage(id, null, ConsoleText.problem(e))).build();
        }
        return Response.seeOther(URI.create("/console/alerts/" + alertId + "?done=shared")).build();
    }

    private TemplateInstance detailPage(String id, String message, String error) {
        UUID alertId = alertId(id);
        AlertDetail alert = search.find(alertId, Visibility.of(scope)).map(a -> AlertDetail.of(a, disclosure.history(a)))
                .orElseThrow(() -> ProblemException.notFound("alert"));
        boolean mayMove = scope.hasRole(Roles.AUDITOR) || scope.hasRole(Roles.PROVINCE);
        List<AlertStatus> moves = mayMove ? alert.status().next().stream().sorted().toList() : List.of();
        List<EvidenceLine> evidence = new ArrayList<>();
        if (alert.evidence() != null) {
            alert.evidence().fields().forEachRemaining(f -> evidence.add(
                    new EvidenceLine(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
        }
        return Templates.detail(alert, evidence, moves, scope.hasRole(Roles.AUDITOR) && alert.sharedAt() == null, message, error);
    }

    private List<Count> counts(AlertFilter filter, Visibility visibility, AlertQueries.GroupBy by) {
        return search.stats(filter, visibility, by).stream().map(g -> new Count(g.key(),
                by == AlertQueries.GroupBy.TYPE ? AlertType.valueOf(g.key()).label : AlertStatus.valueOf(g.key()).label(),
                g.count(), g.open())).toList();
    }

    /** A day picked on the page as the instant it starts in China, {@code plusDays} later (the API's bounds). */
    private static String dayStart(String field, String date, int plusDays) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).plusDays(plusDays).atStartOfDay(ConsoleText.CHINA).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(List.of(new FieldError(field, "invalid-value", "must be a date such as 2026-09-01")));
        }
    }

    private static String apiQuery(String type, String status, String city, String school, String from, String to) {
        String query = new FilterForm(type, status, city, school, from, to).query();
        return query.isEmpty() ? "" : "?" + query;
    }

    private static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("alert");
        }
    }
}
