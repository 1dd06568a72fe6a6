package org.techschools.quota.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import org.techschools.commons.console.ConsoleView;
import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Regions;
import org.techschools.commons.security.Roles;
import org.techschools.quota.config.DashboardConfig;
import org.techschools.quota.domain.NationalProgress;
import org.techschools.quota.domain.Percentages;
import org.techschools.quota.domain.ProRata;
import org.techschools.quota.domain.TargetProgress;
import org.techschools.quota.domain.TargetProgress.CampaignProgress;
import org.techschools.quota.domain.TargetProgress.CityProgress;
import org.techschools.quota.domain.SchoolTargetProgress;
import org.techschools.quota.rest.DashboardCharts.BarFigures;
import org.techschools.quota.rest.DashboardCharts.Bars;
import org.techschools.quota.rest.DashboardCharts.BurnUp;
import org.techschools.quota.rest.DashboardCharts.CampaignYear;
import org.techschools.quota.rest.DashboardCharts.Step;
import org.techschools.quota.service.NationalProgressService;
import org.techschools.quota.service.ProgressSnapshots;

/**
 * The provincial and city dashboard (目标与进度): the 五年攻坚 burn-up, target vs actual per city with the pro-rata
 * figure (序时进度), class-level shares, priority groups and the drill-down to schools. Built from the reports the
 * 进展 API serves, scoped as the API scopes them, so a page never shows a figure the API would not.
 */
@Path(ConsoleView.DASHBOARD_PAGE)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "console")
public class DashboardPages {

    /** Years the picker offers around today's: the campaign's and a few before. */
    private static final int YEARS_BACK = 4;

    /** A city's row with its pace against the pro-rata figure and its drill-down page. */
    public record CityRow(CityProgress city, String url, boolean hasTarget, boolean behind) {
    }

    /** A class level (班级层次) or priority group with its count and share of the enrollment. */
    public record Share(String key, String label, long count, BigDecimal share) {
    }

    /** A month of the year's burn-up over the whole scope. */
    public record Month(String month, long enrolled, long cumulative) {
    }

    /**
     * @param report   the scope's report for the year, null on the national overview
     * @param national the national centre's province overview, null for a province or city view
     */
    public record Dashboard(int year, List<Integer> years, String provinceCode, boolean mayPickProvince,
            TargetProgress report, CampaignProgress campaign, List<CampaignYear> campaignYears, BurnUp burnUp, BurnUp yearBurnUp,
            List<CityRow> cities, Bars cityBars, List<Share> levels, List<ClassLevel> levelColumns, List<Share> groups,
            NationalProgress national, String csvUrl, String xlsxUrl, String alertsUrl,
            String plansUrl) {
    }

    public record SchoolRow(SchoolTargetProgress.SchoolProgress school, String typeLabel, boolean behind) {
    }

    public record CityPage(int year, List<Integer> years, SchoolTargetProgress report, List<SchoolRow> schools,
            List<ClassLevel> levelColumns, List<Share> levels, String backUrl, String csvUrl, String alertsUrl,
            String plansUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard page);

        static native TemplateInstance city(CityPage page);
    }

    @Inject
    ProgressSnapshots progress;

    @Inject
    NationalProgressService nationalProgress;

    @Inject
    CallerScope caller;

    @Inject
    DashboardConfig dashboard;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY })
    @Operation(summary = "Console: target vs actual of the caller's province or city, the 五年攻坚 burn-up, level shares "
            + "and priority groups; the national centre picks a province")
    public TemplateInstance dashboard(@RestQuery String year, @RestQuery String province) {
        int today = today().getYear();
        int intakeYear = year == null || year.isBlank() ? today : QueryParameters.requiredYear(year);
        List<Integer> years = years(today, intakeYear);
        boolean national = caller.provinceLimit() == null;
        String provinceCode = province == null || province.isBlank()
                ? (national ? null : caller.provinceLimit())
                : QueryParameters.requiredProvince(province);
        if (provinceCode == null) {
            return Templates.dashboard(new Dashboard(intakeYear, years, null, true, null, null, List.of(), null, null, List.of(),
                    null, List.of(), levelColumns(), List.of(), nationalProgress.national(intakeYear), null,
                    null, null, null));
        }
        String limit = caller.provinceLimit();
        if (limit != null && !limit.equals(provinceCode)) {
            throw ProblemException.forbidden("the province is outside the caller's scope");
        }
        String cityLimit = caller.cityLimit();
        TargetProgress report = progress.province(intakeYear, provinceCode, cityLimit);
        List<CampaignYear> campaignYears = campaignYears(report.campaign(), today);
        List<CityRow> cities = report.cities().stream().map(c -> new CityRow(c,
                ConsoleView.DASHBOARD_PAGE + "/cities/" + c.cityCode() + "?year=" + intakeYear, c.target() > 0,
                c.target() > 0 && c.actual() < c.expectedByToday())).toList();
        Bars bars = DashboardCharts.bars(report.cities().stream()
                .map(c -> new BarFigures(c.cityName() == null ? c.cityCode() : c.cityName(), c.target(), c.actual(),
                        c.expectedByToday())).toList());
        String query = "?year=" + intakeYear + "&province=" + provinceCode;
        return Templates.dashboard(new Dashboard(intakeYear, years, provinceCode, national, report, report.campaign(),
                campaignYears, report.campaign() == null ? null : DashboardCharts.burnUp(report.campaign().target(),
                        campaignYears.stream().map(y -> new Step(String.valueOf(y.year()), y.cumulativeTarget(),
                                y.cumulativeActual())).toList()),
                DashboardCharts.burnUp(report.target(), monthSteps(report)),
                cities, bars, levels(report), levelColumns(), groups(report.priorityGroups(), report.actual()),
                null, "/api/v1/progress.csv" + query, "/api/v1/annual-summary.xlsx" + query,
                PlanPages.ALERTS_PAGE + "?year=" + intakeYear, ConsoleView.PLANS_PAGE + "?year=" + intakeYear));
    }

    @GET
    @Path("/cities/{cityCode}")
    @RolesAllowed({ Roles.NATIONAL, Roles.PROVINCE, Roles.CITY })
    @Operation(summary = "Console: a city's schools with target, plan, actual, completion, pro-rata figure, level mix and "
            + "priority groups (403 outside the caller's scope)")
    public TemplateInstance city(@RestPath String cityCode, @RestQuery String year) {
        String city = QueryParameters.city(cityCode);
        if (!caller.covers(Regions.province(city), city, null)) {
            throw ProblemException.forbidden("the city is outside the caller's scope");
        }
        int today = today().getYear();
        int intakeYear = year == null || year.isBlank() ? today : QueryParameters.requiredYear(year);
        SchoolTargetProgress report = progress.city(intakeYear, city);
        List<SchoolRow> schools = report.schools().stream().map(s -> new SchoolRow(s, typeLabel(s.schoolType()),
                s.expectedByToday() != null && s.actual() < s.expectedByToday())).toList();
        List<Share> levels = new ArrayList<>();
        for (ClassLevel level : ClassLevel.values()) {
            long count = report.schools().stream().mapToLong(s -> s.byLevel().getOrDefault(level.name(), 0L)).sum();
            levels.add(new Share(level.name(), level.label, count, share(count, report.actual())));
        }
        return Templates.city(new CityPage(intakeYear, years(today, intakeYear), report, schools, levelColumns(), levels,
                ConsoleView.DASHBOARD_PAGE + "?year=" + intakeYear + "&province=" + report.provinceCode(),
                "/api/v1/progress/" + city + "/schools.csv?year=" + intakeYear,
                PlanPages.ALERTS_PAGE + "?year=" + intakeYear + "&city=" + city,
                ConsoleView.PLANS_PAGE + "?year=" + intakeYear + "&city=" + city));
    }

    /** Figures as offices print them: 12,540. */
    @TemplateExtension
    static String grouped(long value) {
        return String.format("%,d", value);
    }

    /** The campaign's years with running totals; years not yet begun have a target and no actual. */
    private static List<CampaignYear> campaignYears(CampaignProgress campaign, int today) {
        if (campaign == null) {
            return List.of();
        }
        List<CampaignYear> years = new ArrayList<>();
        long cumulativeTarget = 0;
        long cumulativeActual = 0;
        for (TargetProgress.CampaignYear of : campaign.years()) {
            cumulativeTarget += of.target();
            cumulativeActual += of.actual();
            boolean begun = of.year() <= today || of.actual() > 0;
            years.add(new CampaignYear(of.year(), of.target(), begun ? of.actual() : null, cumulativeTarget,
                    begun ? cumulativeActual : null));
        }
        return years;
    }

    private static List<Share> levels(TargetProgress report) {
        List<Share> levels = new ArrayList<>();
        for (ClassLevel level : ClassLevel.values()) {
            levels.add(new Share(level.name(), level.label, report.byLevel().getOrDefault(level.name(), 0L),
                    report.levelShares().get(level.name())));
        }
        return levels;
    }

    private static List<Share> groups(List<TargetProgress.GroupCount> counts, long actual) {
        return counts.stream().map(g -> new Share(g.group(), g.label(), g.count(), share(g.count(), actual))).toList();
    }

    /** The year's burn-up over the whole scope: the cities' monthly counts added up, with the running total. */
    private static List<Month> months(TargetProgress report) {
        TreeMap<String, Long> byMonth = new TreeMap<>();
        report.burnUp().forEach(city -> city.months().forEach(m -> byMonth.merge(m.month(), m.enrolled(), Long::sum)));
        List<Month> months = new ArrayList<>();
        long cumulative = 0;
        for (var month : byMonth.entrySet()) {
            cumulative += month.getValue();
            months.add(new Month(month.getKey(), month.getValue(), cumulative));
        }
        return months;
    }

    /**
     * The year by calendar month: enrollment up to each month's end against the target due by then (序时进度, as the
     * reports compute it). Months not yet begun have no actual; the last month holds the year's whole enrollment.
     */
    private List<Step> monthSteps(TargetProgress report) {
        List<Month> months = months(report);
        LocalDate today = today();
        List<Step> steps = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate end = LocalDate.of(report.year(), m, 1).plusMonths(1).minusDays(1);
            String key = String.format("%d-%02d", report.year(), m);
            long upTo = m == 12 ? report.actual()
                    : months.stream().filter(x -> x.month().compareTo(key) <= 0).mapToLong(Month::enrolled).sum();
            boolean begun = !LocalDate.of(report.year(), m, 1).isAfter(today);
            steps.add(new Step(m + "月", ProRata.expected(report.target(), report.year(), end,
                    dashboard.proRataFromMonth(), dashboard.proRataToMonth()), begun ? upTo : null));
        }
        return steps;
    }

    private static BigDecimal share(long part, long whole) {
        return Percentages.of(part, whole);
    }

    private static List<ClassLevel> levelColumns() {
        return List.of(ClassLevel.values());
    }

    private static String typeLabel(String type) {
        for (SchoolType t : SchoolType.values()) {
            if (t.name().equals(type)) {
                return t.label;
            }
        }
        return type == null ? "" : type;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(dashboard.zone()));
    }

    /** The picker's years: a few before today's year to the next, and the year shown if outside them. */
    static List<Integer> years(int today, int shown) {
        List<Integer> years = new ArrayList<>(IntStream.rangeClosed(today - YEARS_BACK, today + 1).boxed().toList());
        if (!years.contains(shown)) {
            years.add(shown);
            years.sort(null);
        }
        return years;
    }
}
