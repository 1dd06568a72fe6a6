package org.techschools.registration.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.alerts.AlertStep;

/** One step of a registration alert's workflow. */
@Entity
@Table(name = "alert_transition")
public class AlertTransition extends AlertStep {

    public static List<AlertTransition> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by at, id", alertId);
    }

    public static AlertTransition record(UUID alertId, AlertStatus from, AlertStatus to, String actor, String note, Instant at) {
        AlertTransition t = new AlertTransition();
        t.take(alertId, from, to, actor, note, at);
        return t;
    }
}
