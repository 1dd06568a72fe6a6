package org.techschools.quota.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.security.Regions;
import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.EnrollmentPlan;
import org.techschools.quota.domain.PlanAlert;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.quota.domain.PlanAlertTransition;
import org.techschools.quota.domain.PlanAlertType;

/**
 * 招生秩序: checks each enrollment record, in the transaction that applies its event, against the school's issued plan
 * and the recruitment order of 浙人社函〔2023〕37号 (no cross-city recruitment within the province except by 省属技师学院).
 * An alert exists once per type and subject; a later record of the same subject is added to the alert's records.
 */
@ApplicationScoped
public class PlanCompliance {

    @Inject
    EntityManager em;

    @Inject
    PlanLookup plans;

    @Transactional(Transactional.TxType.MANDATORY)
    public void check(EnrollmentFact fact) {
        CounterKey cell = fact.counterKey();
        if (crossCity(fact)) {
            PlanAlert alert = raise(PlanAlertType.CROSS_CITY_RECRUITMENT, fact.enrollmentId.toString(), cell);
            alert.originRegion = fact.originRegion;
            name(alert, fact);
        }
        EnrollmentPlan plan = plans.binding(fact.schoolCode, fact.intakeYear);
        if (plan == null) {
            CounterKey school = new CounterKey(fact.schoolCode, fact.provinceCode, fact.cityCode, null, null, null,
                    fact.intakeYear, null, null);
            name(raise(PlanAlertType.NO_PLAN, fact.schoolCode + "|" + fact.intakeYear, school), fact);
            return;
        }
        overPlan(cell, plan);
    }

    /**
     * A record left this cell (withdrawn, or corrected into another cell): an OVER_PLAN alert of the cell shows the
     * lower figure. The alert itself stays: it was true when raised, and an office decides on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recount(CounterKey cell) {
        EnrollmentPlan plan = plans.binding(cell.schoolCode(), cell.intakeYear());
        if (plan != null) {
            overPlan(cell, plan);
        }
    }

    /**
     * Compares active enrollment of one school, year, major and level (the cell) with the plan's count and raises (or
     * refreshes) the OVER_PLAN alert naming every record of that cell. Also run when a plan is issued or adjusted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void overPlan(CounterKey cell, EnrollmentPlan plan) {
        long actual = EnrollmentFact.count("active = true and schoolCode = ?1 and intakeYear = ?2 and majorCode = ?3"
                + " and classLevel = ?4", cell.schoolCode(), cell.intakeYear(), cell.majorCode(), cell.classLevel());
        long planned = plans.planned(plan.id, cell.majorCode(), cell.classLevel());
        String key = cell.schoolCode() + "|" + cell.intakeYear() + "|" + cell.majorCode() + "|" + cell.classLevel();
        PlanAlert alert = PlanAlert.find("type = ?1 and subjectKey = ?2", PlanAlertType.OVER_PLAN, key).firstResult();
        if (actual <= planned && alert == null) {
            return;
        }
        if (alert == null) {
            alert = raise(PlanAlertType.OVER_PLAN, key, cell);
        }
        // Figures as of the last check: an office sees how far beyond the plan the school is now.
        alert.planned = (int) planned;
        alert.actual = (int) actual;
        alert.updatedAt = Instant.now();
        if (actual > planned) {
            em.flush();
            em.createNativeQuery("""
                    INSERT INTO plan_alert_record (alert_id, enrollment_id, school_code, source_record_id)
                    SELECT ?1, enrollment_id, school_code, source_record_id FROM enrollment_fact
                    WHERE active AND school_code = ?2 AND intake_year = ?3 AND major_code = ?4 AND class_level = ?5
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, alert.id).setParameter(2, cell.schoolCode()).setParameter(3, cell.intakeYear())
                    .setParameter(4, cell.majorCode()).setParameter(5, cell.classLevel())
                    .executeUpdate();
        }
    }

    /** A student whose origin is another city of the school's province, at a school other than a 省属技师学院. */
    static boolean crossCity(EnrollmentFact fact) {
        String origin = fact.originRegion;
        if (origin == null || !origin.matches("[0-9]{6}") || origin.endsWith("0000") || fact.cityCode == null) {
            return false; // no origin city known: nothing to compare
        }
        if (!Regions.province(origin).equals(fact.provinceCode) || Regions.city(origin).equals(fact.cityCode)) {
            return false; // out-of-province students are sought (跨区域联合培养); same city is the rule
        }
        boolean provincialTechnicianCollege = SchoolType.TECHNICIAN_COLLEGE.name().equals(fact.schoolType)
                && Boolean.TRUE.equals(fact.schoolProvincial);
        return !provincialTechnicianCollege;
    }

    /**
     * The alert of this type and subject, raised now (OPEN, with its first transition) unless it exists. The cell gives
     * where the subject lies; its major and level are kept when it has them.
     */
    private PlanAlert raise(PlanAlertType type, String key, CounterKey cell) {
        PlanAlert alert = PlanAlert.find("type = ?1 and subjectKey = ?2", type, key).firstResult();
        if (alert != null) {
            return alert;
        }
        alert = new PlanAlert();
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
        alert.raisedAt = Instant.now();
        alert.updatedAt = alert.raisedAt;
        alert.persist();
        PlanAlertTransition.record(alert.id, null, AlertStatus.OPEN, PlanAlertTransition.SYSTEM, type.name());
        return alert;
    }

    /** Adds the record to the alert's records (once). */
    private void name(PlanAlert alert, EnrollmentFact fact) {
        em.flush();
        em.createNativeQuery("""
                INSERT INTO plan_alert_record (alert_id, enrollment_id, school_code, source_record_id)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, alert.id).setParameter(2, fact.enrollmentId).setParameter(3, fact.schoolCode)
                .setParameter(4, fact.sourceRecordId)
                .executeUpdate();
    }
}
