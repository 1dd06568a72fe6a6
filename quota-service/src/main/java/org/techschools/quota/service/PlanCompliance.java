package org.techschools.quota.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.EnrollmentPlan;
import org.techschools.quota.domain.PlanAlert;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.quota.domain.PlanAlertRecord;
import org.techschools.quota.domain.PlanAlertTransition;
import org.techschools.quota.domain.PlanAlertType;
import org.techschools.quota.domain.PlanLine;

/**
 * 招生秩序: checks each enrollment record, in the transaction that applies its event, against the school's issued plan
 * and the recruitment order of 浙人社函〔2023〕37号 (no cross-city recruitment within the province except by 省属技师学院).
 * An alert exists once per type and subject; a later record of the same subject is added to the alert's records.
 */
@ApplicationScoped
public class PlanCompliance {

    @Inject
    Clock clock;

    /**
     * A record as one event left it: a later event of the same batch may change the record again, and the state each
     * event left is what CROSS_CITY_RECRUITMENT and NO_PLAN judge, as if that event had been applied alone.
     */
    public record Checked(UUID enrollmentId, String sourceRecordId, CounterKey cell, String originRegion,
            boolean crossCity) {

        public static Checked of(EnrollmentFact fact) {
            return new Checked(fact.enrollmentId, fact.sourceRecordId, fact.counterKey(), fact.originRegion,
                    RecruitmentOrder.crossCity(fact.originRegion, fact.provinceCode, fact.cityCode, fact.schoolType,
                            fact.schoolProvincial));
        }
    }

    /**
     * Checks the records a batch of events recorded or corrected, and recounts the cells records left (withdrawn, or
     * corrected into another cell): an OVER_PLAN alert of such a cell shows the lower figure. Plans and alerts are
     * read once per batch; each cell is compared with its plan once, after all of the batch's changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(List<Checked> records, Collection<CounterKey> leftCells) {
        Set<String> schools = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (Checked record : records) {
            schools.add(record.cell().schoolCode());
            years.add(record.cell().intakeYear());
        }
        for (CounterKey cell : leftCells) {
            schools.add(cell.schoolCode());
            years.add(cell.intakeYear());
        }
        Map<List<Object>, EnrollmentPlan> binding = EnrollmentPlan.bindingOf(schools, years);

        Map<String, CounterKey> crossCity = new LinkedHashMap<>();
        Map<String, CounterKey> noPlan = new LinkedHashMap<>();
        Map<CounterKey, EnrollmentPlan> cells = new LinkedHashMap<>();
        for (Checked record : records) {
            CounterKey cell = record.cell();
            if (record.crossCity()) {
                crossCity.put(record.enrollmentId().toString(), cell);
            }
            EnrollmentPlan plan = binding.get(List.of(cell.schoolCode(), cell.intakeYear()));
            if (plan == null) {
                noPlan.put(noPlanKey(cell), new CounterKey(cell.schoolCode(), cell.provinceCode(), cell.cityCode(), null,
                        null, null, cell.intakeYear(), null, null));
            } else {
                cells.put(planCell(cell), plan);
            }
        }
        for (CounterKey cell : leftCells) {
            EnrollmentPlan plan = binding.get(List.of(cell.schoolCode(), cell.intakeYear()));
            if (plan != null) {
                cells.put(planCell(cell), plan);
            }
        }

        Map<String, PlanAlert> crossCityAlerts = raise(PlanAlertType.CROSS_CITY_RECRUITMENT, crossCity);
        Map<String, PlanAlert> noPlanAlerts = raise(PlanAlertType.NO_PLAN, noPlan);
        List<Object[]> named = new ArrayList<>();
        for (Checked record : records) {
            if (record.crossCity()) {
                PlanAlert alert = crossCityAlerts.get(record.enrollmentId().toString());
                alert.originRegion = record.originRegion();
                named.add(named(alert, record));
            }
            PlanAlert alert = noPlanAlerts.get(noPlanKey(record.cell()));
            if (alert != null) {
                named.add(named(alert, record));
            }
        }
        PlanAlertRecord.nameAll(named);
        cells.forEach(this::overPlan);
    }

    /**
     * Compares active enrollment of one school, year, major and level (the cell) with the plan's count and raises (or
     * refreshes) the OVER_PLAN alert naming every record of that cell. Also run when a plan is issued or adjusted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void overPlan(CounterKey cell, EnrollmentPlan plan) {
        long actual = EnrollmentFact.count("active = true and schoolCode = ?1 and intakeYear = ?2 and majorCode = ?3"
                + " and classLevel = ?4", cell.schoolCode(), cell.intakeYear(), cell.majorCode(), cell.classLevel());
        long planned = PlanLine.planned(plan.id, cell.majorCode(), cell.classLevel());
        String key = cell.schoolCode() + "|" + cell.intakeYear() + "|" + cell.majorCode() + "|" + cell.classLevel();
        PlanAlert alert = PlanAlert.find("type = ?1 and subjectKey = ?2", PlanAlertType.OVER_PLAN, key).firstResult();
        if (actual <= planned && alert == null) {
            return;
        }
        if (alert == null) {
            alert = open(PlanAlertType.OVER_PLAN, key, cell);
        }
        // Figures as of the last check: an office sees how far beyond the plan the school is now.
        alert.planned = (int) planned;
        alert.actual = (int) actual;
        alert.updatedAt = clock.instant();
        if (actual > planned) {
            PlanAlertRecord.nameActiveRecordsOf(alert.id, cell);
        }
    }

    /**
     * The alerts of this type for the subjects (subject key → where the subject lies), raised now (OPEN, with their
     * first transition) where none exists; one query for the existing ones.
     */
    private Map<String, PlanAlert> raise(PlanAlertType type, Map<String, CounterKey> subjects) {
        Map<String, PlanAlert> alerts = new HashMap<>();
        if (subjects.isEmpty()) {
            return alerts;
        }
        for (PlanAlert alert : PlanAlert.<PlanAlert>list("type = ?1 and subjectKey in ?2", type, subjects.keySet())) {
            alerts.put(alert.subjectKey, alert);
        }
        subjects.forEach((key, cell) -> alerts.computeIfAbsent(key, k -> open(type, k, cell)));
        return alerts;
    }

    /** A new OPEN alert with its first transition. The cell gives where the subject lies; its major and level are kept. */
    private PlanAlert open(PlanAlertType type, String key, CounterKey cell) {
        PlanAlert alert = new PlanAlert();
        alert.id = UUID.randomUUID();
        alert.type = type;
        alert.subjectKey = key;
        alert.status = AlertStatus.OPEN;
        alert.schoolCode = cell.schoolCode();
        alert.provinceCode = cell.provinceCode();
        alert.cityCode = cell.cityCode();
        alert.intakeYear = cell.intakeYear();
        alert.majorCode = cell.majorCode();
        alert.classLevel = cell.classLevel();
        alert.raisedAt = clock.instant();
        alert.updatedAt = alert.raisedAt;
        alert.persist();
        PlanAlertTransition.record(alert.id, null, AlertStatus.OPEN, PlanAlertTransition.SYSTEM, type.name(), alert.raisedAt);
        return alert;
    }

    private static Object[] named(PlanAlert alert, Checked record) {
        return new Object[] { alert.id.toString(), record.enrollmentId().toString(), record.cell().schoolCode(),
                record.sourceRecordId() };
    }

    private static String noPlanKey(CounterKey cell) {
        return cell.schoolCode() + "|" + cell.intakeYear();
    }

    /** The part of a counter cell a plan line covers: school, year, major and level (over both study modes). */
    private static CounterKey planCell(CounterKey cell) {
        return new CounterKey(cell.schoolCode(), cell.provinceCode(), cell.cityCode(), cell.majorCode(), cell.classLevel(),
                null, cell.intakeYear(), null, null);
    }
}
