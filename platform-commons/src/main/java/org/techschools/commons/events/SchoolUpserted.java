package org.techschools.commons.events;

import java.util.List;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.SchoolType;

/**
 * {@code school-events}: the whole current state of a school after a create or update (event-carried state).
 * <p>
 * Schema version 2 is version 1 with a major filed for class level {@code TECHNICIAN} (技师班): only such schools are
 * written at 2 ({@link #schemaVersion(SchoolUpserted)}), so a reader that knows version 1 only dead-letters them by
 * their version instead of failing on the unknown level, and keeps every other school.
 */
public record SchoolUpserted(String code, String name, SchoolType type, String provinceCode, String cityCode,
        boolean provincial, String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors) {

    public static final String TYPE = "SchoolUpserted";
    public static final int SCHEMA_VERSION = 1;
    public static final int TECHNICIAN_SCHEMA_VERSION = 2;

    /** The schema version the event is written in. */
    public static int schemaVersion(SchoolUpserted school) {
        return school.majors().stream().anyMatch(m -> m.levels().contains(ClassLevel.TECHNICIAN)) ? TECHNICIAN_SCHEMA_VERSION
                : SCHEMA_VERSION;
    }

    /** A major of the filed catalogue (专业目录备案) with the class levels it is filed for. */
    public record Major(String code, String name, List<ClassLevel> levels) {
    }
}
