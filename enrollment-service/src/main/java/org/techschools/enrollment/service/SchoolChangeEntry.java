package org.techschools.enrollment.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.enrollment.domain.SchoolChange;

/** One entry of a school's change history (学校名录变更记录): who, in which role, when, each field before and after. */
public record SchoolChangeEntry(UUID id, String schoolCode, Instant changedAt, String changedBy, String role, SchoolChange.Kind kind,
        List<SchoolChange.FieldChange> changes) {

    static SchoolChangeEntry of(SchoolChange c) {
        return new SchoolChangeEntry(c.id, c.schoolCode, c.changedAt, c.changedBy, c.role, c.kind, c.changes);
    }
}
