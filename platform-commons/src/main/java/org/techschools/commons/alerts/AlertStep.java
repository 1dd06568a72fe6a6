package org.techschools.commons.alerts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One step of an alert's workflow: who moved it, when, from which status to which, and the note they left. Each
 * service keeps its steps in its own table (an entity extending this one) next to its own alerts.
 */
@MappedSuperclass
public abstract class AlertStep extends PanacheEntityBase {

    /** The actor of steps a service takes by itself (raising, resolving by the lifecycle). */
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

    /** Fills in the step, taken at {@code at} (the service's clock, as the alert it moves), and stores it. */
    protected void take(UUID alertId, AlertStatus from, AlertStatus to, String actor, String note, Instant at) {
        this.alertId = alertId;
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.at = at;
        this.note = note;
        persist();
    }
}
