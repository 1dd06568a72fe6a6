package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * 进展: target vs plan vs actual enrollment of a province and its cities in one intake year.
 *
 * @param scopeCityCode the city the figures are limited to (a city office sees only its own city), null otherwise
 * @param plan          students in issued 招生计划 (0 until plans are issued)
 * @param actual        active enrollment records of the intake year
 * @param completionPct actual / target in percent, null without a target
 */
public record ProgressReport(int year, String provinceCode, String provinceName, String scopeCityCode, long target,
        long plan, long actual, BigDecimal completionPct, BigDecimal advancedShare, List<CityProgress> cities) {

    /**
     * One city (设区市) row.
     *
     * @param advancedShare share of 高级工班 and 预备技师(技师)班 in the city's actual enrollment, in percent
     */
    public record CityProgress(String cityCode, String cityName, long target, long plan, long actual,
            BigDecimal completionPct, BigDecimal advancedShare) {
    }
}
