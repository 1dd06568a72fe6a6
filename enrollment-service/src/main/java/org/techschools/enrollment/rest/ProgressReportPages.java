package org.techschools.enrollment.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.techschools.commons.console.ConsoleConfig;
import org.techschools.commons.console.ConsoleForms;
import org.techschools.commons.console.ConsoleText;
import org.techschools.commons.console.ConsoleView;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.config.ProgressReportSchedule;
import org.techschools.enrollment.service.Divisions;
import org.techschools.enrollment.service.NationalProgress;
import org.techschools.enrollment.service.ProgressFiling;
import org.techschools.enrollment.service.ProgressReport;
import org.techschools.enrollment.service.ProgressReports;

/**
 * 进展表 pages: a province office picks a month, reads the seed-000 table as the API computes it, downloads it, files it
 * and sees what changed since filing, cell by cell; the national centre sees which provinces filed, on time or late, and
 * opens any province's table. Figures come from the same {@link ProgressReports} calls as the progress-report API.
 */
@Path(ConsoleView.PROGRESS_REPORT_PAGE)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "console")
public class ProgressReportPages {

    /** A month of the picker: {@code 2026-10} shown as 2026年10月. */
    public record MonthOption(String value, String label, boolean selected) {
    }

    public record ProvinceOption(String code, String name, boolean selected) {
    }

    /** One cell of a filed report: as filed, as computed today, and today minus filed. */
    public record DiffCell(String column, int filed, int current, int difference) {

        public boolean changed() {
            return difference != 0;
        }

        public String signedDifference() {
            return difference > 0 ? "+" + difference : String.valueOf(difference);
        }
    }

    public record DiffRow(String category, String label, List<DiffCell> cells) {
    }

    /** The province's filing of the month beside today's figures. */
    public record Filing(String firstFiledAt, String timeliness, String timelinessLabel, String filedAt, String filedBy,
            boolean changed, List<DiffRow> rows, List<Earlier> earlier) {

        /** The console.css badge of the first filing's timeliness. */
        public String badge() {
            return "ON_TIME".equals(timeliness) ? "on-time" : "late";
        }
    }

    public record Earlier(String filedAt, String filedBy, String timelinessLabel, String supersededAt) {
    }

    /** A province's line of the national overview; {@code badge} is on-time, late or missing (console.css). */
    public record ProvinceLine(String code, String name, String statusLabel, String badge, String firstFiledAt,
            ProgressReport.Row total) {
    }

    public record National(String dueOn, int filed, int missing, int late, ProgressReport.Row sum, List<ProvinceLine> provinces) {
    }

    /**
     * @param report  the province's table for the month, null until a province is picked
     * @param dueOn   the month's due date, null when the schedule has no report for the month
     * @param mayFile a province office on its own province and a scheduled month
     */
    public record Page(List<MonthOption> months, String month, String monthLabel, List<ProvinceOption> provinces, String provinceCode,
            ProgressReport report, String xlsxUrl, String csvUrl, String dueOn, boolean mayFile, Filing filing, National national,
            String message, String error) {
    }

    static final String[] COLUMNS = { "enrollingSchools", "cumulativeEnrollment", "fullTime", "partTime" };

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Page page);

        static native TemplateInstance notForCities(String dashboardUrl);
    }

    @Inject
    ProgressReports reports;

    @Inject
    ProgressReportSchedule schedule;

    @Inject
    Divisions divisions;

    @Inject
    CallerScope caller;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleConfig console;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR, Roles.CITY })
    @Operation(summary = "Console: the 进展表 of a month (month picker, seed-000 table, XLSX download, filing and its per-cell "
            + "difference from today) and, for the national centre, who filed on time, late or not at all")
    public Response page(@RestQuery String province, @RestQuery String month, @RestQuery String done) {
        if (onlyCity()) {
            // The API gives city offices no 进展表 (a province files it); they follow their city on the dashboard.
            return Response.ok(Templates.notForCities(console.quotaUrl() + ConsoleView.DASHBOARD_PAGE)).build();
        }
        YearMonth picked = defaultMonth();
        try {
            picked = month == null || month.isBlank() ? picked : ProgressReports.parseMonth(month.strip());
            return Response.ok(Templates.report(page(provinceOf(province), picked, "filed".equals(done) ? "已报送" : null, null))).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.report(page(null, picked, null, ConsoleText.problem(e)))).build();
        }
    }

    /** 报送: the same filing as {@code POST /api/v1/progress-reports/{province}/{month}/filing}, from the page's form. */
    @POST
    @Path("/filing")
    @RolesAllowed(Roles.PROVINCE)
    @Operation(summary = "Console form: file the province's 进展表 of the month (csrf); 303 back to the report")
    public Response file(@RestForm String province, @RestForm String month, @RestForm String csrf) {
        forms.check(csrf);
        YearMonth picked = defaultMonth();
        try {
            picked = ProgressReports.parseMonth(month == null ? "" : month.strip());
            String code = scoped(province);
            reports.file(code, picked, caller.name());
            return Response.seeOther(URI.create(ConsoleView.PROGRESS_REPORT_PAGE + "?province=" + encode(code) + "&month=" + picked
                    + "&done=filed")).build();
        } catch (ProblemException e) {
            String code = caller.provinceLimit();
            return Response.status(e.status()).entity(Templates.report(page(code, picked, null, ConsoleText.problem(e)))).build();
        }
    }

    private Page page(String provinceCode, YearMonth month, String message, String error) {
        LocalDate due = reports.dueDate(month).orElse(null);
        National national = caller.hasRole(Roles.NATIONAL) ? national(month) : null;
        List<ProvinceOption> provinces = caller.provinceLimit() != null ? List.of()
                : divisions.provinces().stream().map(c -> new ProvinceOption(c, divisions.name(c), c.equals(provinceCode))).toList();
        ProgressReport report = null;
        Filing filing = null;
        String xlsx = null;
        String csv = null;
        if (provinceCode != null) {
            report = reports.compute(provinceCode, month);
            filing = reports.filingView(provinceCode, month).map(ProgressReportPages::filing).orElse(null);
            String api = "/api/v1/progress-reports/" + provinceCode + "/" + month;
            xlsx = api + ".xlsx";
            csv = api + ".csv";
        }
        boolean mayFile = report != null && due != null && caller.hasRole(Roles.PROVINCE);
        return new Page(months(month), month.toString(), label(month), provinces, provinceCode, report, xlsx, csv,
                due == null ? null : due.toString(), mayFile, filing, national, message, error);
    }

    private National national(YearMonth month) {
        NationalProgress view = reports.national(month);
        List<ProvinceLine> lines = view.provinces().stream().map(p -> new ProvinceLine(p.provinceCode(), p.provinceName(),
                statusLabel(p.status(), p.timeliness()), badge(p.status(), p.timeliness()), ConsoleText.time(p.firstFiledAt()),
                p.total())).toList();
        return new National(view.dueOn() == null ? null : view.dueOn().toString(), view.filed(), view.missing(), view.late(),
                view.filedTotal(), lines);
    }

    private static Filing filing(ProgressFiling view) {
        List<DiffRow> rows = new ArrayList<>();
        for (int i = 0; i < view.current().rows().size(); i++) {
            ProgressReport.Row filed = view.filed().rows().get(i);
            ProgressReport.Row now = view.current().rows().get(i);
            ProgressReport.Row diff = view.differences().get(i);
            rows.add(new DiffRow(now.category(), now.label(), List.of(
                    new DiffCell(COLUMNS[0], filed.enrollingSchools(), now.enrollingSchools(), diff.enrollingSchools()),
                    new DiffCell(COLUMNS[1], filed.cumulativeEnrollment(), now.cumulativeEnrollment(), diff.cumulativeEnrollment()),
                    new DiffCell(COLUMNS[2], filed.fullTime(), now.fullTime(), diff.fullTime()),
                    new DiffCell(COLUMNS[3], filed.partTime(), now.partTime(), diff.partTime()))));
        }
        List<Earlier> earlier = view.earlierFilings().stream().map(e -> new Earlier(ConsoleText.time(e.filedAt()), e.filedBy(),
                timelinessLabel(e.timeliness()), ConsoleText.time(e.supersededAt()))).toList();
        return new Filing(ConsoleText.time(view.firstFiledAt()), view.timeliness(), timelinessLabel(view.timeliness()),
                ConsoleText.time(view.filedAt()), view.filedBy(), view.changedSinceFiling(), rows, earlier);
    }

    /** The province the page shows: the caller's own, or for the national centre the one it picked (none: the overview). */
    private String provinceOf(String requested) {
        if (caller.provinceLimit() == null && (requested == null || requested.isBlank())) {
            return null;
        }
        return scoped(requested);
    }

    /** As the API: 400 for a code that is no province, 403 for a province outside the caller's scope. */
    private String scoped(String requested) {
        String code = requested == null || requested.isBlank() ? caller.provinceLimit() : requested.strip();
        reports.requireProvince(code);
        caller.requireCovers(code, null, null);
        return code;
    }

    /** The latest scheduled month that has ended (or is under way), in the schedule's zone. */
    private YearMonth defaultMonth() {
        List<YearMonth> scheduled = scheduledMonths();
        return scheduled.isEmpty() ? YearMonth.now(clock.withZone(schedule.zone())) : scheduled.get(0);
    }

    /** The report months of this year (up to now) and the two before, newest first. */
    private List<YearMonth> scheduledMonths() {
        YearMonth now = YearMonth.now(clock.withZone(schedule.zone()));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = now; !m.isBefore(now.minusYears(2).withMonth(1)); m = m.minusMonths(1)) {
            if (reports.dueDate(m).isPresent()) {
                months.add(m);
            }
        }
        return months;
    }

    private List<MonthOption> months(YearMonth picked) {
        List<YearMonth> months = new ArrayList<>(scheduledMonths());
        if (!months.contains(picked)) {
            months.add(0, picked);
        }
        return months.stream().map(m -> new MonthOption(m.toString(), label(m), m.equals(picked))).toList();
    }

    private boolean onlyCity() {
        return caller.hasRole(Roles.CITY) && !caller.hasRole(Roles.PROVINCE) && !caller.hasRole(Roles.NATIONAL)
                && !caller.hasRole(Roles.AUDITOR);
    }

    private static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    static String timelinessLabel(String timeliness) {
        return "ON_TIME".equals(timeliness) ? "按时报送" : "LATE".equals(timeliness) ? "逾期报送" : "";
    }

    private static String statusLabel(String status, String timeliness) {
        if ("FILED".equals(status)) {
            return timelinessLabel(timeliness);
        }
        return "OVERDUE".equals(timeliness) ? "逾期未报" : "NOT_YET_DUE".equals(timeliness) ? "未到报送期" : "未报送";
    }

    private static String badge(String status, String timeliness) {
        if ("FILED".equals(status)) {
            return "ON_TIME".equals(timeliness) ? "on-time" : "late";
        }
        return "NOT_YET_DUE".equals(timeliness) ? "" : "missing";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
