package org.techschools.registration.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.techschools.registration.domain.TransferRequest;
import org.techschools.registration.domain.TransferStatus;

/**
 * 转学申请 as the province and the schools see it, with {@code age}: how long it has waited, until its decision or
 * until now by the service's clock.
 */
public record TransferApplication(UUID id, UUID registrationId, String fromSchoolCode, String toSchoolCode,
        String provinceCode, String cityCode, TransferStatus status, LocalDate effectiveOn, String reason,
        String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote, Duration age) {

    static TransferApplication of(TransferRequest t, Instant now) {
        Duration age = Duration.between(t.requestedAt, t.decidedAt != null ? t.decidedAt : now);
        return new TransferApplication(t.id, t.registrationId, t.fromSchoolCode, t.toSchoolCode, t.provinceCode, t.cityCode,
                t.status, t.effectiveOn, t.reason, t.requestedBy, t.requestedAt, t.decidedBy, t.decidedAt, t.decisionNote, age);
    }
}
