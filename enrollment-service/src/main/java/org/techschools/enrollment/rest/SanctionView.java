package org.techschools.enrollment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techschools.enrollment.service.Sanction;

/**
 * A sanction as offices see it, with who recorded it and when; the public sees it without those two
 * ({@link #publicly}). {@code current}: whether its period includes today.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanctionView(UUID id, String kind, String kindLabel, String decisionNumber, String authority, LocalDate decidedOn,
        LocalDate from, LocalDate until, boolean suspendsEnrollment, boolean current, Instant recordedAt, String recordedBy) {

    public static SanctionView of(Sanction s) {
        return new SanctionView(s.id(), s.kind().name(), s.kind().label, s.decisionNumber(), s.authority(), s.decidedOn(), s.from(),
                s.until(), s.suspendsEnrollment(), s.current(), s.recordedAt(), s.recordedBy());
    }

    public static SanctionView publicly(Sanction s) {
        return new SanctionView(s.id(), s.kind().name(), s.kind().label, s.decisionNumber(), s.authority(), s.decidedOn(), s.from(),
                s.until(), s.suspendsEnrollment(), s.current(), null, null);
    }
}
