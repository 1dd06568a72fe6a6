package org.techschools.quota.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.alerts.AlertStep;

/** One workflow step of a plan alert. */
@Entity
@Table(name = "plan_alert_transition")
@AttributeOverride(name = "note", column = @Column(name = "note", columnDefinition = "text"))
public class PlanAlertTransition extends AlertStep {

    public static List<PlanAlertTransition> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }

    public static void record(UUID alertId, AlertStatus from, AlertStatus to, String actor, String note, Instant at) {
        new PlanAlertTransition().take(alertId, from, to, actor, note, at);
    }
}
