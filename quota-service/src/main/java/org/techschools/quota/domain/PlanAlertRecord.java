package org.techschools.quota.domain;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An enrollment record an alert names, as schools know it: schoolCode + sourceRecordId. */
@Entity
@Table(name = "plan_alert_record")
@IdClass(PlanAlertRecord.Key.class)
public class PlanAlertRecord extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "source_record_id")
    public String sourceRecordId;

    public static List<PlanAlertRecord> ofAlerts(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of() : list("alertId in ?1 order by sourceRecordId", alertIds);
    }

    public static class Key implements Serializable {
        public UUID alertId;
        public UUID enrollmentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(alertId, k.alertId) && Objects.equals(enrollmentId, k.enrollmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, enrollmentId);
        }
    }
}
