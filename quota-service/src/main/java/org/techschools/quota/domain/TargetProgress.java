package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 进展: target vs plan vs actual enrollment of a province and its cities in one intake year. Immutable (its lists are
 * copied).
 *
 * @param scopeCityCode   the city the figures are limited to (a city office sees only its own city), null otherwise
 * @param plan            students in issued or filed 招生计划 (sum of their lines)
 * @param actual          active enrollment records of the intake year
 * @param activeRegistrations ACTIVE 学籍 (在籍) of the intake year after withdrawals, transfers and other 异动, from
 *                        registration-events; suspended (休学) students are not counted
 * @param completionPct   actual / target in percent, null without a target
 * @param asOf            the day the pro-rata figures are computed for
 * @param expectedByToday 序时进度: the part of the target due by {@code asOf}
 * @param priorityGroups  students of each {@link PriorityGroup} (脱贫家庭, 防返贫监测对象, 订单班, 退役军人, …)
 * @param campaign        the multi-year campaign (五年攻坚) covering the year, null when none
 * @param burnUp          per city, enrollment of the intake year by month and cumulated
 * @param byLevel         actual per class level (INTERMEDIATE, ADVANCED, PREP_TECHNICIAN, TECHNICIAN)
 * @param levelShares     each class level's share of {@code actual} in percent (null values without enrollment)
 */
public record TargetProgress(int year, String provinceCode, String provinceName, String scopeCityCode, long target,
        long plan, long actual, long activeRegistrations, BigDecimal completionPct, BigDecimal advancedShare, LocalDate asOf, long expectedByToday,
        List<GroupCount> priorityGroups, CampaignProgress campaign, List<CityProgress> cities, List<BurnUp> burnUp,
        Map<String, Long> byLevel, Map<String, BigDecimal> levelShares) {

    public TargetProgress {
        priorityGroups = List.copyOf(priorityGroups);
        cities = List.copyOf(cities);
        burnUp = List.copyOf(burnUp);
        byLevel = inOrder(byLevel);
        levelShares = inOrder(levelShares);
    }

    /** A read-only copy keeping the levels' declaration order (and a share's null). */
    static <V> Map<String, V> inOrder(Map<String, V> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * One city (设区市) row.
     *
     * @param advancedShare share of 高级工班, 预备技师班 and 技师班 in the city's actual enrollment, in percent
     * @param byLevel       actual per class level
     * @param levelShares   each class level's share of {@code actual} in percent
     */
    public record CityProgress(String cityCode, String cityName, long target, long plan, long actual,
            long activeRegistrations, BigDecimal completionPct, BigDecimal advancedShare, long expectedByToday, List<GroupCount> priorityGroups,
            Map<String, Long> byLevel, Map<String, BigDecimal> levelShares) {

        public CityProgress {
            priorityGroups = List.copyOf(priorityGroups);
            byLevel = inOrder(byLevel);
            levelShares = inOrder(levelShares);
        }
    }

    /** @param group a {@link PriorityGroup} name; label its Chinese word */
    public record GroupCount(String group, String label, long count) {
    }

    /**
     * @param target the campaign's target for the scope (a city: the sum of its yearly targets over the campaign years)
     * @param actual enrollment of the scope over the campaign years so far
     * @param years  each campaign year's target and enrollment of the scope, in order (the burn-up's columns)
     */
    public record CampaignProgress(String name, int fromYear, int toYear, long target, long actual,
            BigDecimal completionPct, List<CampaignYear> years) {

        public CampaignProgress {
            years = List.copyOf(years);
        }
    }

    /** One year of a campaign: the scope's yearly target (0 when none is set) and its enrollment of that intake year. */
    public record CampaignYear(int year, long target, long actual) {
    }

    /** A city's monthly burn-up: new students per month of the intake year and the running total. */
    public record BurnUp(String cityCode, String cityName, List<MonthPoint> months) {

        public BurnUp {
            months = List.copyOf(months);
        }
    }

    /** @param month yyyy-MM */
    public record MonthPoint(String month, long enrolled, long cumulative) {
    }
}
