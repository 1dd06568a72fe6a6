package org.techschools.quota.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.techschools.commons.console.ConsoleView;
import org.techschools.commons.csv.Csv;
import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.quota.config.DashboardConfig;
import org.techschools.quota.domain.AdjustmentStatus;
import org.techschools.quota.domain.PlanAlertType;
import org.techschools.quota.domain.PlanLineValue;
import org.techschools.quota.domain.PlanStatus;
import org.techschools.quota.service.PlanAlertWorkflow;
import org.techschools.quota.service.PlanAlertFilter;
import org.techschools.quota.service.PlanDossier;
import org.techschools.quota.service.PlanService;

/**
 * Plan pages of the console (招生计划): plans of a year and a plan's lines, adjustment requests and history with the
 * workflow steps (draft → issue 下达 → file 备案 → adjustment 调整申请 → decision) as forms, and the plan-compliance
 * alerts (计划执行预警) with their workflow. Each step calls the service the plan API calls, so who may do what is
 * decided in one place (PlanAuthority); a page only hides the forms the caller could not use anyway.
 */
@Path(ConsoleView.PLANS_PAGE)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "console")
public class PlanPages {

    static final String ALERTS_PAGE = ConsoleView.PLANS_PAGE + "/alerts";
    /** Empty rows a plan form offers beyond the plan's lines. */
    private static final int BLANK_ROWS = 3;
    private static final int MAX_NOTE = 2000;
    /** An alert export holds at most this many alerts: more is a filter to narrow, not a sheet to print. */
    private static final int MAX_EXPORT = 20_000;
    private static final Map<String, String> ACTIONS = Map.of("CREATED", "起草", "EDITED", "修改草稿", "ISSUED", "下达",
            "FILED", "备案", "ADJUSTMENT_REQUESTED", "申请调整", "ADJUSTMENT_APPROVED", "批准调整",
            "ADJUSTMENT_REJECTED", "不予批准调整");
    private static final Map<String, String> MODES = Map.of(StudyMode.FULL_TIME.name(), "全日制", StudyMode.PART_TIME.name(),
            "非全日制");

    /** A choice of a select: value sent, label shown. */
    public record Option(String value, String label) {
    }

    /** A row of a plan form: one line's inputs, blank for a new line. */
    public record LineRow(int index, int number, String majorCode, String classLevel, String studyMode, String count) {
    }

    public record LineView(String majorCode, String level, String mode, int count) {
    }

    public record StepView(String at, String action, String status, String actor, String note) {
    }

    public record AdjustmentView(UUID id, String status, boolean pending, String reason, List<LineView> lines,
            String requestedBy, String requestedAt, String decidedBy, String decidedAt, String decisionNote) {
    }

    /** What a plan form needs: its rows and the choices of level and mode. */
    public record LineForm(List<LineRow> rows, List<Option> levels, List<Option> modes) {
    }

    public record PlanPage(PlanView plan, String status, List<LineView> lines, List<AdjustmentView> adjustments,
            List<StepView> history, PlanService.Actions actions, LineForm form, String message, String error) {
    }

    public record PlanFilter(int year, String city, String school, String status) {
    }

    public record PlanRow(PlanView.Summary plan, String status, String updatedAt) {
    }

    public record PlansPage(PlanFilter filter, List<Integer> years, List<Option> statuses, List<PlanRow> plans,
            String nextUrl, boolean mayCreate, LineForm form, String alertsUrl, String error) {
    }

    public record AlertFilter(String type, String status, String city, String school, String year) {

        String query() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("type", type);
            values.put("status", status);
            values.put("city", city);
            values.put("school", school);
            values.put("year", year);
            return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    public record AlertRow(PlanAlertView alert, String type, String status, String level, String raisedAt,
            List<StepView> history) {
    }

    public record AlertsPage(AlertFilter filter, List<Option> types, List<Option> statuses, List<AlertRow> alerts,
            String nextUrl, String csvUrl, String error) {
    }

    public record AlertPage(AlertRow alert, List<Option> moves, String message, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plans(PlansPage page);

        static native TemplateInstance plan(PlanPage page);

        static native TemplateInstance alerts(AlertsPage page);

        static native TemplateInstance alert(AlertPage page);
    }

    @Inject
    PlanService plans;

    @Inject
    PlanAlertWorkflow alerts;

    @Inject
    ConsoleForms forms;

    @Inject
    CallerScope caller;

    @Inject
    DashboardConfig dashboard;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Console: the plans of a year the caller may see, filtered by city, school and status; a form "
            + "to draft a plan for city and province offices")
    public Response list(@RestQuery String year, @RestQuery String city, @RestQuery String school,
            @RestQuery String status, @RestQuery String cursor) {
        int thisYear = today().getYear();
        PlanFilter filter = new PlanFilter(thisYear, city, school, status);
        try {
            filter = new PlanFilter(year == null || year.isBlank() ? thisYear : QueryParameters.requiredYear(year), city,
                    school, status);
            return Response.ok(plansPage(filter, cursor)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.plans(new PlansPage(filter,
                    DashboardPages.years(thisYear, filter.year()), planStatuses(), List.of(), null, mayCreate(),
                    lineForm(List.of()), ALERTS_PAGE, ConsoleText.problem(e)))).build();
        }
    }

    @POST
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Console form: draft a school's plan for a year; 303 to the plan")
    public Response create(@RestForm String school, @RestForm String year, @RestForm List<String> majorCode,
            @RestForm List<String> classLevel, @RestForm List<String> studyMode, @RestForm List<String> count,
            @RestForm String csrf) {
        forms.check(csrf);
        int thisYear = today().getYear();
        List<PlanRequests.Line> lines = lines(majorCode, classLevel, studyMode, count);
        try {
            String schoolCode = PlanRequests.required(school, "school", "the school the plan is for");
            int planYear = QueryParameters.requiredYear(year);
            PlanDossier plan = plans.create(QueryParameters.optionalSchool(schoolCode), planYear, PlanRequests.lines(lines));
            return Response.seeOther(URI.create(planUrl(plan.id()) + "?done=created")).build();
        } catch (ProblemException e) {
            PlanFilter filter = new PlanFilter(thisYear, null, null, null);
            return Response.status(e.status()).entity(Templates.plans(new PlansPage(filter,
                    DashboardPages.years(thisYear, thisYear), planStatuses(), List.of(), null, mayCreate(),
                    lineForm(rows(lines)), ALERTS_PAGE, ConsoleText.problem(e)))).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Console: a plan with its lines, adjustment requests and history, and the steps the caller may take")
    public TemplateInstance plan(@RestPath String id, @RestQuery String done) {
        return planPage(planId(id), done == null ? null : switch (done) {
            case "created" -> "草稿已保存";
            case "edited" -> "计划明细已修改";
            case "issued" -> "计划已下达";
            case "filed" -> "计划已备案";
            case "requested" -> "调整申请已提交，等待省级审核";
            case "decided" -> "调整申请已处理";
            default -> null;
        }, null, null);
    }

    @POST
    @Path("/{id}/lines")
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Console form: replace the lines of a DRAFT plan; 303 back to the plan")
    public Response edit(@RestPath String id, @RestForm List<String> majorCode, @RestForm List<String> classLevel,
            @RestForm List<String> studyMode, @RestForm List<String> count, @RestForm String csrf) {
        forms.check(csrf);
        UUID planId = planId(id);
        List<PlanRequests.Line> lines = lines(majorCode, classLevel, studyMode, count);
        return step(planId, "edited", lines, () -> plans.edit(planId, PlanRequests.lines(lines)));
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Console form: issue (下达) a DRAFT plan; 303 back to the plan")
    public Response issue(@RestPath String id, @RestForm String csrf) {
        forms.check(csrf);
        UUID planId = planId(id);
        return step(planId, "issued", null, () -> plans.issue(planId));
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "Console form: file (备案) an ISSUED plan with the province; 303 back to the plan")
    public Response file(@RestPath String id, @RestForm String note, @RestForm String csrf) {
        forms.check(csrf);
        UUID planId = planId(id);
        return step(planId, "filed", null, () -> plans.file(planId, note(note)));
    }

    @POST
    @Path("/{id}/adjustments")
    @RolesAllowed({ Roles.CITY, Roles.PROVINCE })
    @Operation(summary = "Console form: request an adjustment (调整申请) of an issued plan; 303 back to the plan")
    public Response requestAdjustment(@RestPath String id, @RestForm List<String> majorCode,
            @RestForm List<String> classLevel, @RestForm List<String> studyMode, @RestForm List<String> count,
            @RestForm String reason, @RestForm String csrf) {
        forms.check(csrf);
        UUID planId = planId(id);
        List<PlanRequests.Line> lines = lines(majorCode, classLevel, studyMode, count);
        return step(planId, "requested", lines, () -> plans.requestAdjustment(planId, PlanRequests.lines(lines),
                note(PlanRequests.required(reason, "reason", "why the plan is to change"))));
    }

    @POST
    @Path("/{id}/adjustments/{adjustmentId}/decision")
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "Console form: the province approves or rejects an adjustment request; 303 back to the plan")
    public Response decide(@RestPath String id, @RestPath String adjustmentId, @RestForm String decision,
            @RestForm String note, @RestForm String csrf) {
        forms.check(csrf);
        UUID planId = planId(id);
        return step(planId, "decided", null, () -> {
            if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
                throw ProblemException.badRequest(List.of(new FieldError("decision", "invalid-value", "APPROVE or REJECT")));
            }
            return plans.decide(planId, PlanRequests.id(adjustmentId, "adjustmentId"), "APPROVE".equals(decision),
                    note(note));
        });
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Console: plan-compliance alerts the caller may see, newest first, filtered by type, status, "
            + "city, school and year, with a CSV download")
    public Response alertList(@RestQuery String type, @RestQuery String status, @RestQuery String city,
            @RestQuery String school, @RestQuery String year, @RestQuery String cursor) {
        AlertFilter form = new AlertFilter(type, status, city, school, year);
        try {
            PlanAlertView.Page page = PlanAlertView.Page.of(alerts.search(alertFilter(form, PlanAlertFilter.DEFAULT_LIMIT,
                    KeysetCursor.decode(cursor))));
            String query = form.query();
            String nextUrl = page.nextCursor() == null ? null
                    : ALERTS_PAGE + "?" + (query.isEmpty() ? "" : query + "&") + "cursor="
                            + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
            return Response.ok(Templates.alerts(new AlertsPage(form, alertTypes(), alertStatuses(),
                    page.items().stream().map(this::alertRow).toList(), nextUrl,
                    ALERTS_PAGE + ".csv" + (query.isEmpty() ? "" : "?" + query), null))).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.alerts(new AlertsPage(form, alertTypes(), alertStatuses(),
                    List.of(), null, null, ConsoleText.problem(e)))).build();
        }
    }

    @GET
    @Path("/alerts.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Console download: the plan-compliance alerts of the list's filters as CSV, one row per alert")
    public Response alertsCsv(@RestQuery String type, @RestQuery String status, @RestQuery String city,
            @RestQuery String school, @RestQuery String year) {
        AlertFilter form = new AlertFilter(type, status, city, school, year);
        StringBuilder csv = new StringBuilder(Csv.BOM).append(Csv.line("id", "type", "typeLabel", "status", "statusLabel",
                "year", "provinceCode", "cityCode", "schoolCode", "majorCode", "classLevel", "planned", "actual",
                "originRegion", "raisedAt", "records"));
        KeysetCursor after = null;
        int rows = 0;
        do {
            PlanAlertView.Page page = PlanAlertView.Page.of(alerts.search(alertFilter(form, PlanAlertFilter.MAX_LIMIT, after)));
            for (PlanAlertView a : page.items()) {
                AlertRow row = alertRow(a);
                csv.append(Csv.line(a.id(), a.type(), row.type(), a.status(), row.status(), a.year(), a.provinceCode(),
                        a.cityCode(), a.schoolCode(), a.majorCode(), a.classLevel(), a.planned(), a.actual(),
                        a.originRegion(), a.raisedAt(), a.records().size()));
            }
            rows += page.items().size();
            after = page.nextCursor() == null || rows >= MAX_EXPORT ? null : KeysetCursor.parse(page.nextCursor());
        } while (after != null);
        return Response.ok(csv.toString(), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"plan-alerts.csv\"").build();
    }

    @GET
    @Path("/alerts/{id}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.AUDITOR, Roles.SCHOOL })
    @Operation(summary = "Console: a plan-compliance alert with its records and history, and its workflow moves")
    public TemplateInstance alert(@RestPath String id, @RestQuery String done) {
        return alertPage(alertId(id), "moved".equals(done) ? "已保存" : null, null);
    }

    @POST
    @Path("/alerts/{id}/transitions")
    @RolesAllowed({ Roles.PROVINCE, Roles.CITY, Roles.AUDITOR })
    @Operation(summary = "Console form: move a plan-compliance alert (with a note); 303 back to the alert")
    public Response move(@RestPath String id, @RestForm String to, @RestForm String note, @RestForm String csrf) {
        forms.check(csrf);
        UUID alertId = alertId(id);
        try {
            AlertStatus target = QueryParameters.optionalEnum("to", to, AlertStatus.class);
            if (target == null) {
                throw ProblemException.badRequest(List.of(new FieldError("to", "required", "请选择要转入的状态")));
            }
            alerts.move(alertId, target, note(note));
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(alertPage(alertId, null, ConsoleText.problem(e))).build();
        }
        return Response.seeOther(URI.create(ALERTS_PAGE + "/" + alertId + "?done=moved")).build();
    }

    private TemplateInstance plansPage(PlanFilter filter, String cursor) {
        PlanView.Page page = PlanView.Page.of(plans.list(filter.year(), QueryParameters.optionalCity(filter.city()),
                QueryParameters.optionalSchool(filter.school()),
                QueryParameters.optionalEnum("status", filter.status(), PlanStatus.class),
                SortKeyCursor.decode(cursor, 1), PlanResource.DEFAULT_LIMIT));
        List<PlanRow> rows = page.items().stream().map(p -> new PlanRow(p, PlanStatus.valueOf(p.status()).label,
                ConsoleText.time(p.updatedAt()))).toList();
        String nextUrl = page.nextCursor() == null ? null
                : ConsoleView.PLANS_PAGE + "?year=" + filter.year() + param("city", filter.city())
                        + param("school", filter.school()) + param("status", filter.status()) + "&cursor="
                        + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
        return Templates.plans(new PlansPage(filter, DashboardPages.years(today().getYear(), filter.year()), planStatuses(),
                rows, nextUrl,
                mayCreate(), lineForm(List.of()), ALERTS_PAGE + "?year=" + filter.year(), null));
    }

    /** Runs a workflow step; 303 back to the plan, or the plan page with the reason and the form as it was sent. */
    private Response step(UUID planId, String done, List<PlanRequests.Line> sent, Supplier<PlanDossier> step) {
        try {
            step.get();
        } catch (ProblemException e) {
            return Response.status(e.status())
                    .entity(planPage(planId, null, ConsoleText.problem(e), sent == null ? null : rows(sent))).build();
        }
        return Response.seeOther(URI.create(planUrl(planId) + "?done=" + done)).build();
    }

    private TemplateInstance planPage(UUID id, String message, String error, List<LineRow> sentRows) {
        PlanView plan = PlanView.of(plans.get(id));
        PlanService.Actions actions = plans.actions(id);
        List<LineRow> rows = sentRows != null ? sentRows : rows(plan.lines().stream().map(l -> new PlanRequests.Line(
                l.majorCode(), l.classLevel(), l.studyMode(), l.count())).toList());
        List<AdjustmentView> adjustments = plan.adjustments().stream().map(a -> new AdjustmentView(a.id(),
                AdjustmentStatus.valueOf(a.status()).label, AdjustmentStatus.PENDING.name().equals(a.status()), a.reason(),
                lineViews(a.lines()), a.requestedBy(), ConsoleText.time(a.requestedAt()), a.decidedBy(),
                ConsoleText.time(a.decidedAt()), a.decisionNote())).toList();
        List<StepView> history = plan.history().stream().map(h -> new StepView(ConsoleText.time(h.at()),
                ACTIONS.getOrDefault(h.action(), h.action()), PlanStatus.valueOf(h.status()).label, h.actor(), h.note()))
                .toList();
        return Templates.plan(new PlanPage(plan, PlanStatus.valueOf(plan.status()).label, lineViews(plan.lines()),
                adjustments, history, actions, lineForm(rows), message, error));
    }

    private TemplateInstance alertPage(UUID id, String message, String error) {
        PlanAlertView alert = PlanAlertView.of(alerts.get(id));
        boolean mayMove = caller.hasRole(Roles.PROVINCE) || caller.hasRole(Roles.CITY) || caller.hasRole(Roles.AUDITOR);
        List<Option> moves = mayMove ? AlertStatus.valueOf(alert.status()).next().stream().sorted()
                .map(s -> new Option(s.name(), s.label())).toList() : List.of();
        return Templates.alert(new AlertPage(alertRow(alert), moves, message, error));
    }

    private AlertRow alertRow(PlanAlertView a) {
        List<StepView> history = a.history() == null ? List.of() : a.history().stream().map(s -> {
            String to = AlertStatus.valueOf(s.to()).label();
            String step = s.from() == null ? "预警" : AlertStatus.valueOf(s.from()).label() + " → " + to;
            return new StepView(ConsoleText.time(s.at()), step, to, s.actor(), s.note());
        }).toList();
        return new AlertRow(a, PlanAlertType.valueOf(a.type()).label, AlertStatus.valueOf(a.status()).label(),
                a.classLevel() == null ? null : levelLabel(a.classLevel()), ConsoleText.time(a.raisedAt()), history);
    }

    private static PlanAlertFilter alertFilter(AlertFilter form, int limit, KeysetCursor after) {
        return new PlanAlertFilter(QueryParameters.optionalEnum("type", form.type(), PlanAlertType.class),
                QueryParameters.optionalEnum("status", form.status(), AlertStatus.class), null,
                QueryParameters.optionalCity(form.city()), QueryParameters.optionalSchool(form.school()),
                QueryParameters.optionalYear(form.year()), limit, after);
    }

    /** The lines a form sent: its rows by position, the rows left wholly blank dropped. */
    private static List<PlanRequests.Line> lines(List<String> majors, List<String> levels, List<String> modes,
            List<String> counts) {
        List<PlanRequests.Line> lines = new ArrayList<>();
        int n = majors == null ? 0 : majors.size();
        for (int i = 0; i < n; i++) {
            String major = at(majors, i);
            String count = at(counts, i);
            if (major == null && count == null) {
                continue;
            }
            lines.add(new PlanRequests.Line(major, at(levels, i), at(modes, i), count(count)));
        }
        return lines;
    }

    private static String at(List<String> values, int i) {
        if (values == null || i >= values.size() || values.get(i) == null || values.get(i).isBlank()) {
            return null;
        }
        return values.get(i).trim();
    }

    /** A count as typed; not a whole number is a missing count, refused by the line check naming the field. */
    private static Integer count(String count) {
        if (count == null || !count.matches("[0-9]{1,7}")) {
            return null;
        }
        return Integer.valueOf(count);
    }

    /** Form rows for these lines and a few blank ones. */
    private static List<LineRow> rows(List<PlanRequests.Line> lines) {
        List<LineRow> rows = new ArrayList<>();
        for (PlanRequests.Line line : lines) {
            rows.add(new LineRow(rows.size(), rows.size() + 1, line.majorCode(), line.classLevel(), line.studyMode(),
                    line.count() == null ? "" : line.count().toString()));
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new LineRow(rows.size(), rows.size() + 1, null, null, null, ""));
        }
        return rows;
    }

    private static LineForm lineForm(List<LineRow> rows) {
        List<Option> levels = Arrays.stream(ClassLevel.values()).map(l -> new Option(l.name(), l.label)).toList();
        List<Option> modes = Arrays.stream(StudyMode.values()).map(m -> new Option(m.name(), MODES.get(m.name())))
                .toList();
        return new LineForm(rows.isEmpty() ? rows(List.of()) : rows, levels, modes);
    }

    private static List<LineView> lineViews(List<PlanLineValue> lines) {
        return lines.stream().map(l -> new LineView(l.majorCode(), levelLabel(l.classLevel()),
                MODES.getOrDefault(l.studyMode(), l.studyMode()), l.count())).toList();
    }

    private static String levelLabel(String level) {
        for (ClassLevel l : ClassLevel.values()) {
            if (l.name().equals(level)) {
                return l.label;
            }
        }
        return level;
    }

    private static List<Option> planStatuses() {
        return Arrays.stream(PlanStatus.values()).map(s -> new Option(s.name(), s.label)).toList();
    }

    private static List<Option> alertTypes() {
        return Arrays.stream(PlanAlertType.values()).map(t -> new Option(t.name(), t.label)).toList();
    }

    private static List<Option> alertStatuses() {
        return Arrays.stream(AlertStatus.values()).map(s -> new Option(s.name(), s.label())).toList();
    }

    private boolean mayCreate() {
        return caller.hasRole(Roles.CITY) || caller.hasRole(Roles.PROVINCE);
    }

    /** A note or reason kept in the history: bounded, and never an ID number (PlanRequests.freeText). */
    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw ProblemException.badRequest(List.of(new FieldError("note", "too-long", "最多 " + MAX_NOTE + " 字")));
        }
        return PlanRequests.freeText(note.strip(), "note");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(dashboard.zone()));
    }

    private static String param(String name, String value) {
        return value == null || value.isBlank() ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String planUrl(UUID id) {
        return ConsoleView.PLANS_PAGE + "/" + id;
    }

    private static UUID planId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("plan");
        }
    }

    private static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("plan alert");
        }
    }
}
