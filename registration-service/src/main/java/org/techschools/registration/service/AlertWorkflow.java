package org.techschools.registration.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.techschools.commons.rest.FieldError;
import org.techschools.commons.rest.ProblemException;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertTransition;

/**
 * The auditors' workflow (核查流程): OPEN → INVESTIGATING → CONFIRMED | DISMISSED, CONFIRMED → REFERRED
 * (移交纪检). Every step keeps who took it, when, and their note.
 */
@ApplicationScoped
public class AlertWorkflow {

    @Inject
    CheckResults checkResults;

    @Transactional
    public Alert move(UUID alertId, AlertStatus to, String actor, String note, Visibility visibility) {
        // Locked: two auditors moving the same alert at once must not both succeed from the same status.
        Alert alert = Alert.findById(alertId, LockModeType.PESSIMISTIC_WRITE);
        List<AlertRecord> records = AlertRecord.ofAlerts(List.of(alertId));
        if (alert == null || !AlertSearch.visible(records, visibility)) {
            throw ProblemException.notFound("alert " + alertId);
        }
        AlertStatus from = alert.status;
        if (!from.next().contains(to)) {
            String allowed = from.next().isEmpty() ? "none (final status)" : from.next().toString();
            throw ProblemException.conflict("alert is " + from + " and cannot move to " + to + "; allowed: " + allowed,
                    List.of(new FieldError("to", "illegal-transition", "current status is " + from)));
        }
        alert.status = to;
        alert.updatedAt = Instant.now();
        AlertTransition.record(alert.id, from, to, actor, note);
        if (AlertStatus.FLAGGING.contains(from) != AlertStatus.FLAGGING.contains(to)) {
            // Dismissed: the records it named may be CLEAN now; tell enrollment-service.
            checkResults.publishFor(null, records.stream().map(r -> r.enrollmentId).toList());
        }
        return alert;
    }
}
