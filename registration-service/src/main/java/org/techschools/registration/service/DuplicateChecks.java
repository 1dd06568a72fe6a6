package org.techschools.registration.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jboss.logging.Logger;

import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.LookalikeLookups;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RosterHit;

/**
 * 学籍查重: runs every {@link ConflictCheck} of a 学籍 against the person's other ACTIVE 学籍 and raises
 * the alerts found. Only ACTIVE 学籍 conflict: someone who withdrew (退学) and enrolled elsewhere is no duplicate.
 */
@ApplicationScoped
public class DuplicateChecks {

    private static final Logger LOG = Logger.getLogger(DuplicateChecks.class);

    private final Map<AlertType, ConflictCheck> checks = new EnumMap<>(AlertType.class);

    @Inject
    AlertRaiser alerts;

    @Inject
    Instance<ConflictCheck> allChecks;

    @Inject
    MeterRegistry meters;

    /** One PROBABLE_DUPLICATE check (its block read and every name compared): the benchmarks hold it to a goal. */
    private Timer fuzzyCheck;

    @PostConstruct
    void collectChecks() {
        allChecks.forEach(check -> checks.put(check.type(), check));
        fuzzyCheck = Timer.builder("registration.check.probable.duplicate")
                .description("one PROBABLE_DUPLICATE check of a 学籍 against the ACTIVE 学籍 of its birth date and gender")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Result of checking one 学籍: the alerts raised now and the other records they name. */
    public record Outcome(List<UUID> raised, Set<UUID> otherEnrollmentIds) {
    }

    @Inject
    ProbableDuplicateCheck probableDuplicates;

    @Inject
    CrossSystemCheck crossSystem;

    @Inject
    LateRegistrationCheck lateRegistration;

    @Inject
    LookalikeBlockLocks blockLocks;

    @Inject
    NameSimilarity names;

    /**
     * Every check of one 学籍: the rule-based checks against the person's other ACTIVE 学籍, the fuzzy
     * PROBABLE_DUPLICATE check against other people born the same day, the imported rosters, and the deadline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome check(Registration registration) {
        return check(registration, crossSystem.activeRosterRowsOf(registration.personKey),
                registration.isActive() ? Registration.otherActiveOf(registration) : List.of());
    }

    /**
     * {@link #check(Registration)} with what a batch read beforehand: the holder's 在籍 roster rows, and the person's
     * other ACTIVE 学籍 ({@link Registration#otherActiveOf}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome check(Registration registration, List<RosterHit> rosterRows, List<Registration> otherActive) {
        List<UUID> raised = new ArrayList<>();
        Set<UUID> others = new LinkedHashSet<>();
        if (!registration.isActive()) {
            return new Outcome(raised, others);
        }
        for (Registration other : otherActive) {
            Registration first = firstOf(registration, other);
            Registration second = first == registration ? other : registration;
            for (ConflictCheck check : checks.values()) {
                Optional<ObjectNode> evidence = check.evidence(first, second);
                if (evidence.isPresent()) {
                    note(check.type(), alerts.raise(check.type(), first, second, evidence.get()), registration, other,
                            raised, others);
                }
            }
        }
        fuzzyCheck.record(() -> {
            long[] keys = LookalikeKeys.of(names, registration.birthDate, registration.gender, registration.name);
            blockLocks.lock(LongStream.of(keys));
            Predicate<String> alike = probableDuplicates.namesAlikeTo(registration.name);
            for (LookalikeLookups.Lookalike lookalike : LookalikeLookups.activeOf(registration, keys)) {
                // Names first: only the few alike enough are read in full for the evidence.
                if (!alike.test(lookalike.name())) {
                    continue;
                }
                Registration other = Registration.byEnrollment(lookalike.enrollmentId()).orElseThrow();
                Registration first = firstOf(registration, other);
                Registration second = first == registration ? other : registration;
                probableDuplicates.evaluate(first, second).ifPresent(finding -> note(AlertType.PROBABLE_DUPLICATE,
                        alerts.raise(AlertType.PROBABLE_DUPLICATE, AlertRaiser.pairKey(first, second), List.of(first, second),
                                finding.score(), finding.evidence()), registration, other, raised, others));
            }
        });
        for (RosterHit hit : rosterRows) {
            note(AlertType.CROSS_SYSTEM_REGISTRATION, crossSystem.raise(registration, hit), registration, null, raised, others);
        }
        lateRegistration.evidence(registration).ifPresent(evidence -> note(AlertType.LATE_REGISTRATION,
                alerts.raise(AlertType.LATE_REGISTRATION, registration.enrollmentId.toString(), List.of(registration), null,
                        evidence), registration, null, raised, others));
        return new Outcome(raised, others);
    }

    private static void note(AlertType type, Optional<UUID> alertId, Registration registration, Registration other,
            List<UUID> raised, Set<UUID> others) {
        alertId.ifPresent(id -> {
            LOG.infof("raised %s alert %s for enrollment %s%s", type, id, registration.enrollmentId,
                    other == null ? "" : " and " + other.enrollmentId);
            raised.add(id);
            if (other != null) {
                others.add(other.enrollmentId);
            }
        });
    }

    /**
     * After a correction (更正): closes the undecided alerts naming this record whose conflict no longer
     * holds (say the ID number or the study mode was wrong), so a fixed typo does not stay flagged.
     *
     * @return the enrollment ids named by the alerts closed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> closeStaleAfterCorrection(Registration registration) {
        Set<UUID> named = new LinkedHashSet<>();
        for (Alert alert : Alert.namingRecord(registration.enrollmentId, AlertStatus.UNDECIDED)) {
            List<AlertRecord> records = alerts.recordsOf(alert);
            if (stillHolds(alert, registration, records)) {
                continue;
            }
            alerts.resolve(alert, AlertRaiser.RESOLVED_BY_CORRECTION,
                    "record " + registration.schoolCode + "/" + registration.sourceRecordId + " was corrected; the conflict no longer holds");
            records.forEach(r -> named.add(r.enrollmentId));
        }
        return named;
    }

    /** Whether the alert's conflict still holds for the corrected record (single-record alerts are re-evaluated alone). */
    private boolean stillHolds(Alert alert, Registration registration, List<AlertRecord> records) {
        switch (alert.type) {
            case LATE_REGISTRATION:
                return lateRegistration.evidence(registration).isPresent();
            case CROSS_SYSTEM_REGISTRATION:
                return registration.isActive() && crossSystem.activeRosterRowsOf(registration.personKey).stream()
                        .anyMatch(hit -> CrossSystemCheck.pairKey(registration, hit).equals(alert.pairKey));
            default:
                Optional<Registration> other = records.stream().map(r -> r.enrollmentId)
                        .filter(id -> !id.equals(registration.enrollmentId)).findFirst().flatMap(Registration::byEnrollment);
                // The other record is unknown here: nothing to compare with, so the alert stays for an auditor.
                return other.isEmpty() || stillConflicts(alert.type, registration, other.get());
        }
    }

    private boolean stillConflicts(AlertType type, Registration a, Registration b) {
        if (type == AlertType.PROBABLE_DUPLICATE) {
            Registration first = firstOf(a, b);
            return probableDuplicates.evaluate(first, first == a ? b : a).isPresent();
        }
        if (!a.isActive() || !b.isActive() || !a.personKey.equals(b.personKey)) {
            return false;
        }
        ConflictCheck check = checks.get(type);
        Registration first = firstOf(a, b);
        return check != null && check.evidence(first, first == a ? b : a).isPresent();
    }

    private static Registration firstOf(Registration a, Registration b) {
        return Comparator.comparing((Registration r) -> r.enrollmentId.toString()).compare(a, b) <= 0 ? a : b;
    }
}
