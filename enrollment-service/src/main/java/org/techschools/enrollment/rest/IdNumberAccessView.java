package org.techschools.enrollment.rest;

import java.time.Instant;
import java.util.UUID;

import org.techschools.enrollment.service.IdNumberReveal;

/** A row of the ID-number access log (身份证号查看记录), with its place and hash in the log's chain. */
public record IdNumberAccessView(UUID id, UUID enrollmentId, String schoolCode, String provinceCode, String accessedBy, String role,
        Instant accessedAt, String reason, long seq, String rowHash) {

    public static IdNumberAccessView of(IdNumberReveal.LoggedAccess a) {
        return new IdNumberAccessView(a.id(), a.enrollmentId(), a.schoolCode(), a.provinceCode(), a.accessedBy(), a.role(),
                a.accessedAt(), a.reason(), a.seq(), a.rowHash());
    }
}
