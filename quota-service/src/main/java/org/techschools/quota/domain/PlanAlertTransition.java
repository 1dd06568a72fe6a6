package org.techschools.quota.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One workflow step of a plan alert: who, when, from which status to which, and their note. */
@Entity
@Table(name = "plan_alert_transition")
public class PlanAlertTransition extends PanacheEntityBase {

    /** The actor of the step that raised the alert. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    /** Null for the step that raised the alert. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PlanAlertStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PlanAlertStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(columnDefinition = "text")
    public String note;

    public static List<PlanAlertTransition> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }

    public static void record(UUID alertId, PlanAlertStatus from, PlanAlertStatus to, String actor, String note) {
        PlanAlertTransition t = new PlanAlertTransition();
        t.alertId = alertId;
        t.fromStatus = from;
        t.toStatus = to;
        t.actor = actor;
        t.at = Instant.now();
        t.note = note;
        t.persist();
    }
}
