package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.techschools.quota.domain.TargetProgress.GroupCount;

/**
 * 进展 drill-down: target, issued plan and actual enrollment per school of one city in one intake year, by class level,
 * study mode and major. Immutable (its lists and maps are copied).
 *
 * @param plan                students in the issued or filed 招生计划 of the city's schools
 * @param activeRegistrations ACTIVE 学籍 (在籍) of the intake year, from registration-events
 * @param expectedByToday     序时进度 of the city target on {@code asOf}
 * @param advancedShare       share of 高级工班, 预备技师班 and 技师班 in the city's actual enrollment, in percent
 */
public record SchoolTargetProgress(int year, String provinceCode, String cityCode, String cityName, long target, long plan,
        long actual, long activeRegistrations, BigDecimal completionPct, LocalDate asOf, long expectedByToday,
        BigDecimal advancedShare, List<GroupCount> priorityGroups, List<SchoolProgress> schools) {

    public SchoolTargetProgress {
        priorityGroups = List.copyOf(priorityGroups);
        schools = List.copyOf(schools);
    }

    /**
     * One school's row.
     *
     * @param target          the school's target (目标任务) of the year, null when none was set
     * @param plan            students in the school's issued or filed 招生计划 of the year, 0 when none binds it
     * @param completionPct   actual / target in percent, null without a target
     * @param expectedByToday 序时进度 of the school's target, null without a target
     * @param byLevel         actual per class level (INTERMEDIATE, ADVANCED, PREP_TECHNICIAN, TECHNICIAN)
     * @param byMode          actual per study mode (FULL_TIME, PART_TIME)
     * @param byMajor         actual per major code
     */
    public record SchoolProgress(String schoolCode, String schoolName, String schoolType, Boolean provincial,
            Integer target, long plan, long actual, long activeRegistrations, BigDecimal completionPct,
            Long expectedByToday, BigDecimal advancedShare, List<GroupCount> priorityGroups, Map<String, Long> byLevel,
            Map<String, Long> byMode, Map<String, Long> byMajor) {

        public SchoolProgress {
            priorityGroups = List.copyOf(priorityGroups);
            byLevel = unmodifiable(byLevel);
            byMode = unmodifiable(byMode);
            byMajor = unmodifiable(byMajor);
        }

        /** A read-only copy in the given order (levels and modes in declaration order, majors by code). */
        private static Map<String, Long> unmodifiable(Map<String, Long> counts) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }
}
