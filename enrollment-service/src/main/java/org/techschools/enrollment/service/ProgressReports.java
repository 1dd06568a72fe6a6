package org.techschools.enrollment.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.Outbox;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.enrollment.config.ProgressReportSchedule;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.EnrollmentStatus;
import org.techschools.enrollment.domain.FilingTimeliness;
import org.techschools.enrollment.domain.ProgressReportFiling;
import org.techschools.enrollment.domain.ProgressReportFilingHistory;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.messaging.ProgressReportOverdue;

/**
 * 进展表: computes a province's monthly report as of the end of the month, files it (报送) with its timeliness,
 * and compares a filing with today's figures.
 *
 * <p>"As of the end of the month" means: records created before the cut-off, each in the state it had at the
 * cut-off — a later correction or withdrawal is undone by taking the earliest kept version replaced at or after
 * the cut-off (versions are valid from the previous replacement until their own). So a report for a past month
 * gives the same figures tomorrow as it gave on its due day.
 */
@ApplicationScoped
public class ProgressReports {

    @Inject
    ProgressReportSchedule schedule;

    @Inject
    Divisions divisions;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** The state of a record that the report counts. */
    private record CountedState(String schoolCode, EnrollmentStatus status, StudyMode studyMode, int intakeYear) {

        CountedState at(String school) {
            return new CountedState(school, status, studyMode, intakeYear);
        }
    }

    /** 400 naming {@code provinceCode} unless it is a GB/T 2260 province. */
    public void requireProvince(String provinceCode) {
        if (!divisions.isProvince(provinceCode)) {
            throw ProblemException.badRequest(List.of(new FieldError("provinceCode", "region-code", "provinceCode is not a GB/T 2260 province")));
        }
    }

    public static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(List.of(new FieldError("month", "format", "month is yyyy-MM, e.g. 2026-08")));
        }
    }

    public String provinceName(String provinceCode) {
        return divisions.name(provinceCode);
    }

    /** The first instant after the month, in the schedule's zone. */
    public Instant cutOff(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(schedule.zone()).toInstant();
    }

    /**
     * A transferred record (转学) counts at the receiving school from the month its transfer takes effect, and at the
     * school it left until then: the last transfer effective by the month's end names its school. The province's
     * schools decide what is counted, so one that left the province drops out and one that came in joins.
     * <p>
     * The records looked at are those of the month's intake year enrolled at one of the province's schools or
     * transferred into one, each read by its own indexed query (one condition joined by OR scanned every record of
     * the province), plus any record whose state at the cut-off lies in a version replaced since (its intake year may
     * have changed).
     */
    @Transactional
    public ProgressReport compute(String provinceCode, YearMonth month) {
        Instant cutOff = cutOff(month);
        LocalDate end = month.plusMonths(1).atDay(1);
        Map<String, SchoolType> schoolTypes = new HashMap<>();
        for (School s : School.<School>list("provinceCode", provinceCode)) {
            schoolTypes.put(s.code, s.type);
        }
        Map<UUID, CountedState> states = new HashMap<>();
        String columns = "select e.id, e.schoolCode, e.status, e.studyMode, e.intakeYear from Enrollment e";
        List<Object[]> current = new ArrayList<>(Enrollment.getEntityManager().createQuery(columns
                + " where e.provinceCode = :p and e.intakeYear = :year and e.createdAt < :cut", Object[].class)
                .setParameter("p", provinceCode).setParameter("year", month.getYear()).setParameter("cut", cutOff)
                .getResultList());
        current.addAll(Enrollment.getEntityManager().createQuery(columns + " where e.id in (select t.enrollmentId"
                + " from EnrollmentTransfer t where t.toProvinceCode = :p and t.effectiveOn < :end)"
                + " and e.provinceCode <> :p and e.intakeYear = :year and e.createdAt < :cut", Object[].class)
                .setParameter("p", provinceCode).setParameter("end", end).setParameter("year", month.getYear())
                .setParameter("cut", cutOff).getResultList());
        for (Object[] r : current) {
            states.put((UUID) r[0], new CountedState((String) r[1], (EnrollmentStatus) r[2], (StudyMode) r[3], (Integer) r[4]));
        }
        List<Object[]> replaced = Enrollment.getEntityManager().createQuery(
                "select v.enrollmentId, v.content from EnrollmentVersion v, Enrollment e where e.id = v.enrollmentId"
                        + " and v.replacedAt >= :cut and e.createdAt < :cut and (e.provinceCode = :p or exists (select 1"
                        + " from EnrollmentTransfer t where t.enrollmentId = e.id and t.toProvinceCode = :p"
                        + " and t.effectiveOn < :end)) order by v.enrollmentId, v.version", Object[].class)
                .setParameter("p", provinceCode).setParameter("cut", cutOff).setParameter("end", end).getResultList();
        Set<UUID> rebuilt = new HashSet<>();
        for (Object[] r : replaced) {
            UUID id = (UUID) r[0];
            if (rebuilt.add(id)) {
                states.put(id, stateOf((String) r[1]));
            }
        }
        List<Object[]> transfers = Enrollment.getEntityManager().createQuery(
                "select t.enrollmentId, t.toSchoolCode from EnrollmentTransfer t where t.effectiveOn < :end"
                        + " order by t.effectiveOn, t.recordedAt", Object[].class)
                .setParameter("end", end).getResultList();
        for (Object[] r : transfers) {
            states.computeIfPresent((UUID) r[0], (id, state) -> state.at((String) r[1]));
        }
        return tally(provinceCode, month, cutOff, states.values(), schoolTypes);
    }

    private ProgressReport tally(String provinceCode, YearMonth month, Instant cutOff, Iterable<CountedState> states,
            Map<String, SchoolType> schoolTypes) {
        Map<SchoolType, Set<String>> schools = new EnumMap<>(SchoolType.class);
        Map<SchoolType, int[]> counts = new EnumMap<>(SchoolType.class);
        for (SchoolType t : SchoolType.values()) {
            schools.put(t, new HashSet<>());
            counts.put(t, new int[2]);
        }
        for (CountedState s : states) {
            SchoolType type = schoolTypes.get(s.schoolCode());
            if (type == null || s.status() != EnrollmentStatus.ACTIVE || s.intakeYear() != month.getYear()) {
                continue;
            }
            schools.get(type).add(s.schoolCode());
            counts.get(type)[s.studyMode() == StudyMode.FULL_TIME ? 0 : 1]++;
        }
        List<ProgressReport.Row> rows = new ArrayList<>();
        int[] total = new int[4];
        for (SchoolType t : SchoolType.values()) {
            int[] c = counts.get(t);
            ProgressReport.Row row = new ProgressReport.Row(t.name(), t.label, schools.get(t).size(), c[0] + c[1], c[0], c[1]);
            rows.add(row);
            total[0] += row.enrollingSchools();
            total[1] += row.cumulativeEnrollment();
            total[2] += row.fullTime();
            total[3] += row.partTime();
        }
        rows.add(new ProgressReport.Row(ProgressReport.TOTAL, "合计", total[0], total[1], total[2], total[3]));
        return new ProgressReport(provinceCode, provinceName(provinceCode), month.toString(), month.getYear(), cutOff, rows);
    }

    private CountedState stateOf(String versionJson) {
        try {
            JsonNode v = mapper.readTree(versionJson);
            return new CountedState(v.get("schoolCode").asText(), EnrollmentStatus.valueOf(v.get("status").asText()),
                    StudyMode.valueOf(v.get("studyMode").asText()), v.get("intakeYear").asInt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("enrollment_version content is not JSON", e);
        }
    }

    /** The due date of a month's report, or empty when the schedule has no report for that month. */
    public Optional<LocalDate> dueDate(YearMonth month) {
        ProgressReportSchedule.YearOverride override = schedule.years().get(month.getYear());
        List<Integer> months = override != null && override.months().isPresent() ? override.months().get() : schedule.months();
        if (!months.contains(month.getMonthValue())) {
            return Optional.empty();
        }
        int dueDay = override != null && override.dueDay().isPresent() ? override.dueDay().get() : schedule.dueDay();
        YearMonth next = month.plusMonths(1);
        return Optional.of(next.atDay(Math.min(dueDay, next.lengthOfMonth())));
    }

    /** On time when filed before the due day ended (in the schedule's zone). */
    public FilingTimeliness timeliness(LocalDate dueDate, Instant filedAt) {
        return filedAt.isBefore(dueDate.plusDays(1).atStartOfDay(schedule.zone()).toInstant()) ? FilingTimeliness.ON_TIME
                : FilingTimeliness.LATE;
    }

    /** Whether a missing report is past its due date now. */
    public boolean overdue(LocalDate dueDate, Instant now) {
        return timeliness(dueDate, now) == FilingTimeliness.LATE;
    }

    /**
     * 报送: stores today's computation of the month as the province's filing; a refiling replaces it and keeps the
     * previous one in history. 422 naming {@code month} when the schedule has no report for that month.
     */
    @Transactional
    public ProgressReportFiling file(String provinceCode, YearMonth month, String filedBy) {
        LocalDate due = dueDate(month).orElseThrow(() -> ProblemException.unprocessable(List.of(new FieldError("month", "not-scheduled",
                "no progress report is scheduled for this month"))));
        ProgressReport report = compute(provinceCode, month);
        Instant now = clock.instant();
        ProgressReportFiling filing = filing(provinceCode, month, LockModeType.PESSIMISTIC_WRITE);
        if (filing == null) {
            filing = new ProgressReportFiling();
            filing.provinceCode = provinceCode;
            filing.reportMonth = month.toString();
            filing.firstFiledAt = now;
        } else {
            ProgressReportFilingHistory previous = new ProgressReportFilingHistory();
            previous.provinceCode = filing.provinceCode;
            previous.reportMonth = filing.reportMonth;
            previous.figures = filing.figures;
            previous.filedAt = filing.filedAt;
            previous.filedBy = filing.filedBy;
            previous.timeliness = filing.timeliness;
            previous.supersededAt = now;
            previous.persist();
        }
        filing.figures = write(report);
        filing.filedAt = now;
        filing.filedBy = filedBy;
        filing.timeliness = timeliness(due, now);
        if (!filing.isPersistent()) {
            filing.persist();
        }
        return filing;
    }

    public static ProgressReportFiling filing(String provinceCode, YearMonth month, LockModeType lock) {
        return ProgressReportFiling.<ProgressReportFiling>find("provinceCode = ?1 and reportMonth = ?2", provinceCode, month.toString())
                .withLock(lock).firstResult();
    }

    public static List<ProgressReportFilingHistory> history(String provinceCode, YearMonth month) {
        return ProgressReportFilingHistory.list("provinceCode = ?1 and reportMonth = ?2 order by filedAt", provinceCode, month.toString());
    }

    public ProgressReport figures(ProgressReportFiling filing) {
        try {
            return mapper.readValue(filing.figures, ProgressReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("filed figures are not JSON", e);
        }
    }

    /** Today's figures minus the filed ones, row by row. */
    public static List<ProgressReport.Row> differences(ProgressReport filed, ProgressReport now) {
        List<ProgressReport.Row> diff = new ArrayList<>();
        for (int i = 0; i < now.rows().size(); i++) {
            diff.add(now.rows().get(i).minus(filed.rows().get(i)));
        }
        return diff;
    }

    /**
     * A province's filing of a month beside today's recomputation of the same month, with the per-cell difference and the
     * filings a refiling replaced; empty when the province has not filed the month.
     */
    @Transactional
    public Optional<ProgressFiling> filingView(String provinceCode, YearMonth month) {
        ProgressReportFiling f = filing(provinceCode, month, LockModeType.NONE);
        if (f == null) {
            return Optional.empty();
        }
        ProgressReport filed = figures(f);
        ProgressReport current = compute(provinceCode, month);
        List<ProgressReport.Row> differences = differences(filed, current);
        Optional<LocalDate> due = dueDate(month);
        FilingTimeliness timeliness = due.map(d -> timeliness(d, f.firstFiledAt)).orElse(f.timeliness);
        return Optional.of(new ProgressFiling(provinceCode, month.toString(), due.orElse(null), f.firstFiledAt, timeliness.name(),
                f.filedAt, f.filedBy, f.timeliness.name(), filed, current, differences, differences.stream().anyMatch(r -> !r.isZero()),
                history(provinceCode, month).stream().map(ProgressFiling.Earlier::of).toList()));
    }

    /** Every province's filing of the month, with the national sum of the filed totals. */
    @Transactional
    public NationalProgress national(YearMonth month) {
        LocalDate due = dueDate(month).orElse(null);
        Instant now = clock.instant();
        Map<String, ProgressReportFiling> filings = new HashMap<>();
        for (ProgressReportFiling f : ProgressReportFiling.<ProgressReportFiling>list("reportMonth", month.toString())) {
            filings.put(f.provinceCode, f);
        }
        List<NationalProgress.Province> provinces = new ArrayList<>();
        ProgressReport.Row sum = new ProgressReport.Row(ProgressReport.TOTAL, "合计", 0, 0, 0, 0);
        int late = 0;
        for (String code : divisions.provinces()) {
            ProgressReportFiling f = filings.get(code);
            if (f == null) {
                String state = due == null ? null : overdue(due, now) ? "OVERDUE" : "NOT_YET_DUE";
                provinces.add(new NationalProgress.Province(code, provinceName(code), "MISSING", state, null, null, null));
                continue;
            }
            FilingTimeliness timeliness = due == null ? f.timeliness : timeliness(due, f.firstFiledAt);
            late += timeliness == FilingTimeliness.LATE ? 1 : 0;
            ProgressReport.Row total = figures(f).total();
            sum = sum.plus(total);
            provinces.add(new NationalProgress.Province(code, provinceName(code), "FILED", timeliness.name(), f.firstFiledAt,
                    f.filedAt, total));
        }
        return new NationalProgress(month.toString(), due, filings.size(), provinces.size() - filings.size(), late, sum, provinces);
    }

    /**
     * 逾期未报: the reports of {@code year} (without one: of this year and the last) past their due date with no filing, of
     * one province or, when {@code provinceCode} is null, of every mainland province.
     */
    @Transactional
    public List<OverdueProgressReport> overdue(Integer year, String provinceCode) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        List<String> provinces = provinceCode == null ? divisions.mainlandProvinces() : List.of(provinceCode);
        List<OverdueProgressReport> overdue = new ArrayList<>();
        for (int y : year == null ? List.of(today.getYear() - 1, today.getYear()) : List.of(year)) {
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(y, m);
                LocalDate due = dueDate(month).orElse(null);
                if (due == null || !overdue(due, now)) {
                    continue;
                }
                Set<String> filed = new HashSet<>();
                ProgressReportFiling.<ProgressReportFiling>list("reportMonth", month.toString()).forEach(f -> filed.add(f.provinceCode));
                for (String code : provinces) {
                    if (!filed.contains(code)) {
                        overdue.add(new OverdueProgressReport(code, provinceName(code), month.toString(), due,
                                ChronoUnit.DAYS.between(due, today)));
                    }
                }
            }
        }
        return overdue;
    }

    /**
     * Announces each newly overdue report once on {@code progress-report-events} (ProgressReportOverdue), from the schedule's
     * first year on: the reminder row and the event commit together, and the row's key keeps a second instance or a
     * second run from announcing it again.
     *
     * @return how many were announced
     */
    @Transactional
    public int announceOverdue() {
        Instant now = clock.instant();
        int thisYear = LocalDate.ofInstant(now, schedule.zone()).getYear();
        int announced = 0;
        for (int year = schedule.firstYear(); year <= thisYear; year++) {
            for (OverdueProgressReport o : overdue(year, null)) {
                if (ProgressReportFiling.remindOnce(o.provinceCode(), o.month(), o.dueOn(), now)) {
                    outbox.append(Topics.PROGRESS_REPORT_EVENTS, ProgressReportOverdue.TYPE, ProgressReportOverdue.SCHEMA_VERSION,
                            o.provinceCode(), new ProgressReportOverdue(o.month(), o.provinceCode(), o.provinceName(), o.dueOn(), now));
                    announced++;
                }
            }
        }
        return announced;
    }

    private String write(ProgressReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
