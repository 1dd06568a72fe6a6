package org.techschools.registration.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheInvalidateAll;

import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertTransition;

/**
 * The auditors' workflow (核查流程): OPEN → INVESTIGATING → CONFIRMED | DISMISSED, CONFIRMED → REFERRED
 * (移交纪检). Every step keeps who took it, when, and their note. A decision (CONFIRMED, DISMISSED, REFERRED) needs a
 * scope that holds every record the alert names: a province decides on its own schools, not on another province's.
 */
@ApplicationScoped
public class AlertWorkflow {

    private static final Set<AlertStatus> DECISIONS = EnumSet.of(AlertStatus.CONFIRMED, AlertStatus.DISMISSED,
            AlertStatus.REFERRED);

    @Inject
    CheckResults checkResults;

    @Inject
    Clock clock;

    /** The longest note a move or a share keeps. */
    public static final int MAX_NOTE = 2000;

    @Transactional
    @CacheInvalidateAll(cacheName = AlertSearch.COUNTS)
    public Alert move(UUID alertId, AlertStatus to, String actor, String note, Visibility visibility) {
        checkNote(note);
        // Locked: two auditors moving the same alert at once must not both succeed from the same status.
        Alert alert = Alert.findById(alertId, LockModeType.PESSIMISTIC_WRITE);
        List<AlertRecord> records = visibleRecords(alert, alertId, visibility);
        if (DECISIONS.contains(to) && !visibility.coversAll(records)) {
            throw outOfScope("to", "a decision needs a scope holding every record the alert names");
        }
        AlertStatus from = alert.status;
        if (!from.next().contains(to)) {
            String allowed = from.next().isEmpty() ? "none (final status)" : from.next().toString();
            throw ProblemException.conflict("alert is " + from + " and cannot move to " + to + "; allowed: " + allowed,
                    List.of(new FieldError("to", "illegal-transition", "current status is " + from)));
        }
        alert.status = to;
        alert.updatedAt = clock.instant();
        AlertTransition.record(alert.id, from, to, actor, note, alert.updatedAt);
        if (AlertStatus.FLAGGING.contains(from) != AlertStatus.FLAGGING.contains(to)) {
            // Dismissed: the records it named may be CLEAN now; tell enrollment-service.
            checkResults.publishFor(null, records.stream().map(r -> r.enrollmentId).toList());
        }
        return alert;
    }

    /**
     * Shows every side of the alert to all who see it (披露): each school then sees the other school's record in full.
     * The auditor's scope must hold every record, as it discloses them; the step is kept in the history with its note.
     * Sharing a shared alert again changes nothing.
     */
    @Transactional
    public Alert share(UUID alertId, String actor, String note, Visibility visibility) {
        checkNote(note);
        Alert alert = Alert.findById(alertId, LockModeType.PESSIMISTIC_WRITE);
        List<AlertRecord> records = visibleRecords(alert, alertId, visibility);
        if (!visibility.coversAll(records)) {
            throw outOfScope("id", "sharing needs a scope holding every record the alert names");
        }
        if (alert.sharedAt == null) {
            alert.sharedAt = clock.instant();
            alert.sharedBy = actor;
            alert.updatedAt = alert.sharedAt;
            // A step that keeps the status: the history shows who shared, when and why among the moves.
            AlertTransition.record(alert.id, alert.status, alert.status, actor,
                    "shared: every side is shown to the schools and offices involved" + (note == null ? "" : "; " + note),
                    alert.sharedAt);
        }
        return alert;
    }

    /** A note is kept in the history every side may read: bounded, and never an ID number. */
    private static void checkNote(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.badRequest(List.of(new FieldError("note", "too-long", "at most " + MAX_NOTE + " characters")));
        }
        IdNumberShape.refuse("note", note);
    }

    private static List<AlertRecord> visibleRecords(Alert alert, UUID alertId, Visibility visibility) {
        List<AlertRecord> records = alert == null ? List.of() : AlertRecord.ofAlerts(List.of(alertId));
        if (alert == null || !visibility.seesAny(records)) {
            throw ProblemException.notFound("alert");
        }
        return records;
    }

    private static ProblemException outOfScope(String field, String message) {
        return new ProblemException(403, "Forbidden", "the alert names records outside the caller's scope",
                List.of(new FieldError(field, "scope-covers-all-records", message)));
    }
}
