package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.techschools.quota.domain.TargetProgress.GroupCount;

/**
 * 年度总结: a year's enrollment work of a province and each of its cities, as the city offices report it to the province
 * by 30 November (浙人社函〔2023〕37号): targets, plans, actual enrollment, completion, class-level mix, priority groups
 * and plan-compliance alerts.
 *
 * @param dueOn the day the cities' summaries are due (30 November of the year)
 * @param total the province's row (a city office: its city's)
 */
public record AnnualSummary(int year, String provinceCode, String provinceName, String scopeCityCode, LocalDate dueOn,
        Row total, List<Row> cities) {

    /**
     * One city's (or the province's) figures.
     *
     * @param byLevel       actual enrollment per class level (INTERMEDIATE, ADVANCED, PREP_TECHNICIAN, TECHNICIAN)
     * @param advancedShare share of 高级工班, 预备技师班 and 技师班, in percent
     * @param alertsByType  plan-compliance alerts of the intake year per type (OVER_PLAN, NO_PLAN, CROSS_CITY_RECRUITMENT)
     */
    public record Row(String code, String name, long target, long plan, long actual, BigDecimal completionPct,
            Map<String, Long> byLevel, BigDecimal advancedShare, List<GroupCount> priorityGroups,
            Map<String, Long> alertsByType) {
    }
}
