package org.techschools.enrollment.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.events.RegistrationChanged;
import org.techschools.enrollment.domain.EnrollmentTransfer;

/**
 * 转学 as registration-service completed them (TRANSFER_IN on registration-events): kept so that the 进展表 counts a
 * transferred record at the receiving school from the transfer's effective month on (ProgressReports).
 */
@ApplicationScoped
public class EnrollmentTransfers {

    @Inject
    Clock clock;

    /**
     * Keeps each transfer once, keyed by the new 学籍: the same transfer announced again (a redelivery, or a replay
     * under a new eventId) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(List<RegistrationChanged> transfersIn) {
        Instant now = clock.instant();
        EnrollmentTransfer.recordOnce(transfersIn.stream().map(t -> {
            EnrollmentTransfer transfer = new EnrollmentTransfer();
            transfer.registrationId = t.registrationId();
            transfer.enrollmentId = t.enrollmentId();
            transfer.fromSchoolCode = t.fromSchoolCode();
            transfer.toSchoolCode = t.schoolCode();
            transfer.toProvinceCode = t.provinceCode();
            transfer.toCityCode = t.cityCode();
            transfer.effectiveOn = t.effectiveOn();
            transfer.recordedAt = now;
            return transfer;
        }).toList());
    }
}
