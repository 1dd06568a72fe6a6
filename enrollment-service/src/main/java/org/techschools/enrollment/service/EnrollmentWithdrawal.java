package org.techschools.enrollment.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.commons.messaging.Outbox;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.EnrollmentSnapshot;
import org.techschools.enrollment.domain.EnrollmentStatus;

/**
 * 撤销: a school withdraws a record it pushed. The record stays (status WITHDRAWN, next version, the previous
 * version kept in history) and {@code EnrollmentWithdrawn} is published from the same transaction, so
 * registration-service and quota-service stop counting it.
 */
@ApplicationScoped
public class EnrollmentWithdrawal {

    @Inject
    EnrollmentHistory history;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * @param callerSchool the token's school claim; a school withdraws only its own records
     * @return the withdrawn record
     */
    @Transactional
    public EnrollmentSnapshot withdraw(String schoolCode, String sourceRecordId, String reason, String callerSchool) {
        String why = Reasons.require(reason, "reason");
        if (!schoolCode.equals(callerSchool)) {
            throw ProblemException.forbidden("a school may withdraw records of its own school only");
        }
        // The row lock serialises this with a concurrent correction or second withdrawal of the same record.
        Enrollment e = Enrollment.<Enrollment>find("schoolCode = ?1 and sourceRecordId = ?2", schoolCode, sourceRecordId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (e == null) {
            throw ProblemException.notFound("enrollment");
        }
        if (e.status == EnrollmentStatus.WITHDRAWN) {
            throw ProblemException.conflict("the record is already " + e.status,
                    List.of(new FieldError("status", "already-withdrawn", "current status is " + e.status + "; only ACTIVE records can be withdrawn")));
        }
        Instant now = clock.instant();
        history.keepCurrentVersion(e, now);
        e.version++;
        e.status = EnrollmentStatus.WITHDRAWN;
        e.withdrawalReason = why;
        e.updatedAt = now;
        outbox.append(Topics.ENROLLMENT_EVENTS, EnrollmentWithdrawn.TYPE, e.personKey,
                new EnrollmentWithdrawn(e.id, e.schoolCode, e.sourceRecordId, e.version, e.personKey, why, now));
        return EnrollmentSnapshot.of(e);
    }
}
