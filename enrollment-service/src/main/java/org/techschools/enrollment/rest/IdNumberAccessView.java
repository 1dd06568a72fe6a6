package org.techschools.enrollment.rest;

import java.time.Instant;
import java.util.UUID;

import org.techschools.enrollment.domain.IdNumberAccess;

/** A row of the ID-number access log (身份证号查看记录). */
public record IdNumberAccessView(UUID id, UUID enrollmentId, String schoolCode, String provinceCode, String accessedBy, String role,
        Instant accessedAt, String reason) {

    public static IdNumberAccessView of(IdNumberAccess a) {
        return new IdNumberAccessView(a.id, a.enrollmentId, a.schoolCode, a.provinceCode, a.accessedBy, a.role, a.accessedAt, a.reason);
    }
}
