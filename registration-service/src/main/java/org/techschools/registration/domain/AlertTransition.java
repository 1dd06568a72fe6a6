package org.techschools.registration.domain;

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

/** One step of an alert's workflow: who moved it, when, from which status to which, and the note they left. */
@Entity
@Table(name = "alert_transition")
public class AlertTransition extends PanacheEntityBase {

    /** The actor of steps the service takes by itself (raising, resolving by the lifecycle). */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    /** Null for the step that raised the alert. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AlertStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public AlertStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    public String note;

    public static List<AlertTransition> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by at, id", alertId);
    }

    public static AlertTransition record(UUID alertId, AlertStatus from, AlertStatus to, String actor, String note) {
        AlertTransition t = new AlertTransition();
        t.alertId = alertId;
        t.fromStatus = from;
        t.toStatus = to;
        t.actor = actor;
        t.at = Instant.now();
        t.note = note;
        t.persist();
        return t;
    }
}
