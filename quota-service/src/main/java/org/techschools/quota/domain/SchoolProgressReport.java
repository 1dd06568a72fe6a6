package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** 进展 drill-down: actual enrollment per school of one city in one intake year, by class level, study mode and major. */
public record SchoolProgressReport(int year, String provinceCode, String cityCode, String cityName, long target, long actual,
        BigDecimal completionPct, List<SchoolProgress> schools) {

    /**
     * One school's row.
     *
     * @param target  the school's target (目标任务) of the year, null when none was set
     * @param byLevel actual per class level (INTERMEDIATE, ADVANCED, PREP_TECHNICIAN)
     * @param byMode  actual per study mode (FULL_TIME, PART_TIME)
     * @param byMajor actual per major code
     */
    public record SchoolProgress(String schoolCode, String schoolName, String schoolType, Boolean provincial,
            Integer target, long actual, BigDecimal advancedShare, Map<String, Long> byLevel, Map<String, Long> byMode,
            Map<String, Long> byMajor) {
    }
}
