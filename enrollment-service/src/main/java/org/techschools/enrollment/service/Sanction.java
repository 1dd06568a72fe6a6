package org.techschools.enrollment.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.techschools.enrollment.domain.SanctionKind;
import org.techschools.enrollment.domain.SchoolSanction;

/**
 * A sanction (处理处罚) as recorded, with who recorded it and when.
 *
 * @param current whether its period includes today (in China) as it was read
 */
public record Sanction(UUID id, SanctionKind kind, String decisionNumber, String authority, LocalDate decidedOn, LocalDate from,
        LocalDate until, boolean suspendsEnrollment, boolean current, Instant recordedAt, String recordedBy) {

    static Sanction of(SchoolSanction s, LocalDate today) {
        return new Sanction(s.id, s.kind, s.decisionNumber, s.authority, s.decidedOn, s.validFrom, s.validUntil,
                s.suspendsEnrollment, s.covers(today), s.recordedAt, s.recordedBy);
    }
}
