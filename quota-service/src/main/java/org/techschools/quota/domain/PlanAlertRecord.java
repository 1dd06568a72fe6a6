package org.techschools.quota.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.techschools.commons.alerts.AlertedRecord;

/** An enrollment record a 计划预警 (plan alert) names, as schools know it: schoolCode + sourceRecordId. */
@Entity
@Table(name = "plan_alert_record")
public class PlanAlertRecord extends AlertedRecord {

    public static List<PlanAlertRecord> ofAlerts(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of() : list("alertId in ?1 order by sourceRecordId", alertIds);
    }
}
