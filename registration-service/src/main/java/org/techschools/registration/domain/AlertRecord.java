package org.techschools.registration.domain;

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

/**
 * An enrollment record an alert names, as it stood when the alert was raised (masked ID), with the
 * province, city and school that decide who may see the alert.
 */
@Entity
@Table(name = "alert_record")
@IdClass(AlertRecord.Key.class)
public class AlertRecord extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "source_record_id", nullable = false)
    public String sourceRecordId;

    @Column(name = "id_number_masked", nullable = false)
    public String idNumberMasked;

    @Column(nullable = false)
    public String name;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    /** The records of these alerts, in a stable order (school, then the school's record id). */
    public static List<AlertRecord> ofAlerts(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of()
                : list("alertId in ?1 order by schoolCode, sourceRecordId", alertIds);
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
