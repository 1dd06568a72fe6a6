package org.techschools.registration.domain;

import org.techschools.commons.persistence.PlainSql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.techschools.commons.alerts.AlertStatus;

/**
 * An auditor alert about a pair of 学籍 (or enrollment records) that conflict. Raised once per
 * (type, pair): {@code pairKey} is the two enrollment ids, sorted and joined, and is unique per type.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    /** The NOTIFY channel that carries each new alert's id (and nothing else) to every instance's live stream. */
    public static final String RAISED_CHANNEL = "alert_raised";

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    @Column(name = "pair_key", nullable = false)
    public String pairKey;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    /** Similarity of fuzzy matches; null for the exact, rule-based checks. */
    @Column(precision = 5, scale = 4)
    public BigDecimal score;

    /** JSON: which fields matched and how, never a raw ID number. */
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;

    /** Why the system closed the alert, e.g. RESOLVED_BY_LIFECYCLE. */
    @Column(name = "resolution_reason")
    public String resolutionReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * When an auditor showed every side of the alert to all who see it (e.g. both schools of a 双重学籍); null while each
     * reader sees only its own side in full.
     */
    @Column(name = "shared_at")
    public Instant sharedAt;

    @Column(name = "shared_by")
    public String sharedBy;

    /**
     * Stores this new alert unless one of its type and pair exists (replayed or re-checked events raise nothing twice).
     *
     * @return whether it was stored
     */
    public boolean insertIfNew() {
        // Plain SQL, like the consumer's lookups: through Hibernate a native statement cost a query-plan-cache entry each run.
        return PlainSql.update("INSERT INTO alert (id, type, severity, status, pair_key, raised_at, score, evidence,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (type, pair_key) DO NOTHING",
                id, type.name(), severity.name(), status.name(), pairKey, raisedAt.atOffset(ZoneOffset.UTC), score, evidence,
                updatedAt.atOffset(ZoneOffset.UTC)) > 0;
    }

    /** Sends the new alert's id on {@link #RAISED_CHANNEL}; PostgreSQL delivers it once the raising transaction commits. */
    public static void announceRaised(UUID alertId) {
        PlainSql.list("SELECT pg_notify(?, ?)", row -> Boolean.TRUE, RAISED_CHANNEL, alertId.toString());
    }

    /** Every alert naming this enrollment record whose status is one of the given ones, oldest first. */
    public static List<Alert> namingRecord(UUID enrollmentId, Collection<AlertStatus> statuses) {
        return idsNamingRecord(enrollmentId, statuses).stream().map(id -> Alert.<Alert> findById(id)).toList();
    }

    /** The ids of {@link #namingRecord}: asked for every consumed enrollment event (its check result). */
    public static List<UUID> idsNamingRecord(UUID enrollmentId, Collection<AlertStatus> statuses) {
        // The statuses are enum constants, written as literals.
        return PlainSql.list("SELECT a.id FROM alert a WHERE a.status IN ("
                + statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
                + ") AND EXISTS (SELECT 1 FROM alert_record r WHERE r.alert_id = a.id AND r.enrollment_id = ?)"
                + " ORDER BY a.raised_at, a.id", PlainSql::uuid, enrollmentId);
    }
}
