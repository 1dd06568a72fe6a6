package org.techschools.commons.events;

import java.util.List;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.SchoolType;

/** {@code school-events}: the whole current state of a school after a create or update (event-carried state). */
public record SchoolUpserted(String code, String name, SchoolType type, String provinceCode, String cityCode,
        boolean provincial, String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors) {

    public static final String TYPE = "SchoolUpserted";

    /** A major of the filed catalogue (专业目录备案) with the class levels it is filed for. */
    public record Major(String code, String name, List<ClassLevel> levels) {
    }
}
