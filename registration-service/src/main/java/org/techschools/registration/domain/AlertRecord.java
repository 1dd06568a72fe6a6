package org.techschools.registration.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.techschools.commons.alerts.AlertedRecord;

/**
 * An enrollment record an alert names, as it stood when the alert was raised (masked ID), with the
 * province, city and school that decide who may see the alert.
 */
@Entity
@Table(name = "alert_record")
public class AlertRecord extends AlertedRecord {

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
}
