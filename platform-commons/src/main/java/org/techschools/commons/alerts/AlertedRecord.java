package org.techschools.commons.alerts;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An enrollment record an alert names, as schools know it (schoolCode + sourceRecordId). Each service keeps them in
 * its own table (an entity extending this one) next to its own alerts, with whatever else it shows of the record.
 */
@MappedSuperclass
@IdClass(AlertedRecord.Key.class)
public abstract class AlertedRecord extends PanacheEntityBase {

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

    /** The composite id: one row per alert and record. */
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
