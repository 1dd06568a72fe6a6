package org.techschools.registration.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheInvalidateAll;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertTransition;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;
import org.techschools.commons.persistence.TimeOrderedIds;

/**
 * Raises and closes alerts. Raising is idempotent per (type, pair): the insert does nothing when the
 * alert exists, however often the enrollment events are replayed or re-checked.
 */
@ApplicationScoped
public class AlertRaiser {

    /** The system closed the alert because a conflicting 学籍 ended (退学, 毕业, 注销, 转出). */
    public static final String RESOLVED_BY_LIFECYCLE = "RESOLVED_BY_LIFECYCLE";
    /** The system closed the alert because a corrected record no longer conflicts. */
    public static final String RESOLVED_BY_CORRECTION = "RESOLVED_BY_CORRECTION";
    /** The system closed the alert because a re-uploaded roster no longer lists the person as 在籍. */
    public static final String RESOLVED_BY_ROSTER = "RESOLVED_BY_ROSTER";

    @Inject
    Clock clock;

    /** The pair's identity regardless of which record came first: both enrollment ids, sorted and joined. */
    public static String pairKey(Registration a, Registration b) {
        return Stream.of(a.enrollmentId.toString(), b.enrollmentId.toString()).sorted().reduce((x, y) -> x + ":" + y)
                .orElseThrow();
    }

    /** @return the new alert's id, or empty when this (type, pair) had been raised before */
    @Transactional(Transactional.TxType.MANDATORY)
    @CacheInvalidateAll(cacheName = AlertSearch.COUNTS)
    public Optional<UUID> raise(AlertType type, Registration first, Registration second, ObjectNode evidence) {
        return raise(type, pairKey(first, second), List.of(first, second), null, evidence);
    }

    /**
     * Raises an alert about any number of records (one for LATE_REGISTRATION, or one and a roster for
     * CROSS_SYSTEM_REGISTRATION), identified by {@code pairKey} within its type.
     *
     * @param score similarity of a fuzzy match, null for rule-based checks
     * @return the new alert's id, or empty when this (type, pairKey) had been raised before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @CacheInvalidateAll(cacheName = AlertSearch.COUNTS)
    public Optional<UUID> raise(AlertType type, String pairKey, List<Registration> records, BigDecimal score,
            ObjectNode evidence) {
        Alert alert = new Alert();
        alert.id = TimeOrderedIds.next(clock);
        alert.type = type;
        alert.severity = type.severity;
        alert.status = AlertStatus.OPEN;
        alert.pairKey = pairKey;
        // The column keeps microseconds: the streamed alert then shows the same raisedAt as the list.
        alert.raisedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        alert.updatedAt = alert.raisedAt;
        alert.score = score;
        alert.evidence = evidence.toString();
        if (!alert.insertIfNew()) {
            return Optional.empty();
        }
        records.forEach(r -> name(alert.id, r));
        AlertTransition.record(alert.id, null, AlertStatus.OPEN, AlertTransition.SYSTEM, "raised by the " + type + " check",
                alert.raisedAt);
        // The live stream of every instance gets it only if this transaction commits.
        Alert.announceRaised(alert.id);
        return Optional.of(alert.id);
    }

    /** Closes an alert nobody has decided on yet; the reason and a transition by {@code system} keep why. */
    @Transactional(Transactional.TxType.MANDATORY)
    @CacheInvalidateAll(cacheName = AlertSearch.COUNTS)
    public void resolve(Alert alert, String reason, String note) {
        AlertStatus from = alert.status;
        alert.status = AlertStatus.RESOLVED;
        alert.resolutionReason = reason;
        alert.updatedAt = clock.instant();
        AlertTransition.record(alert.id, from, AlertStatus.RESOLVED, AlertTransition.SYSTEM, note, alert.updatedAt);
    }

    public List<AlertRecord> recordsOf(Alert alert) {
        return AlertRecord.ofAlerts(List.of(alert.id));
    }

    private static AlertRecord name(UUID alertId, Registration registration) {
        AlertRecord record = new AlertRecord();
        record.alertId = alertId;
        record.enrollmentId = registration.enrollmentId;
        record.schoolCode = registration.schoolCode;
        record.sourceRecordId = registration.sourceRecordId;
        record.idNumberMasked = registration.idNumberMasked;
        record.name = registration.name;
        record.provinceCode = registration.provinceCode;
        record.cityCode = registration.cityCode;
        record.persist();
        return record;
    }
}
