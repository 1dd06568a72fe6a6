package org.techschools.quota.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.techschools.commons.alerts.AlertedRecord;
import org.techschools.commons.persistence.PlainSql;

/** An enrollment record a 计划预警 (plan alert) names, as schools know it: schoolCode + sourceRecordId. */
@Entity
@Table(name = "plan_alert_record")
public class PlanAlertRecord extends AlertedRecord {

    private static final List<String> RECORD_TYPES = List.of("varchar", "varchar", "varchar", "varchar");

    public static List<PlanAlertRecord> ofAlerts(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of() : list("alertId in ?1 order by sourceRecordId", alertIds);
    }

    /**
     * Names records in alerts, in one statement; a record an alert names already is skipped.
     *
     * @param rows alert id, enrollment id (both as text), school code and the school's record id
     */
    public static void nameAll(List<Object[]> rows) {
        PlainSql.bulk("""
                INSERT INTO plan_alert_record (alert_id, enrollment_id, school_code, source_record_id)
                SELECT a::uuid, e::uuid, s, r
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS n (a, e, s, r)
                ON CONFLICT DO NOTHING""", RECORD_TYPES, rows);
    }

    /** Names in the alert every active record of the plan cell (school, intake year, major and class level). */
    public static void nameActiveRecordsOf(UUID alertId, CounterKey cell) {
        PlainSql.update("""
                INSERT INTO plan_alert_record (alert_id, enrollment_id, school_code, source_record_id)
                SELECT ?, enrollment_id, school_code, source_record_id FROM enrollment_fact
                WHERE active AND school_code = ? AND intake_year = ? AND major_code = ? AND class_level = ?
                ON CONFLICT DO NOTHING""", alertId, cell.schoolCode(), cell.intakeYear(), cell.majorCode(),
                cell.classLevel());
    }
}
