package org.techschools.enrollment.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.enrollment.service.SchoolChangeEntry;

/** One entry of a school's change history (学校名录变更记录). */
public record SchoolChangeView(UUID id, String schoolCode, Instant changedAt, String changedBy, String role, String kind,
        List<FieldChange> changes) {

    public record FieldChange(String field, Object before, Object after) {
    }

    public static SchoolChangeView of(SchoolChangeEntry c) {
        return new SchoolChangeView(c.id(), c.schoolCode(), c.changedAt(), c.changedBy(), c.role(), c.kind().name(),
                c.changes().stream().map(f -> new FieldChange(f.field(), f.before(), f.after())).toList());
    }
}
