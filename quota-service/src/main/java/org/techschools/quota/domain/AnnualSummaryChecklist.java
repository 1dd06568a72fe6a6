package org.techschools.quota.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Which cities of a province filed their 年度总结 of a year: the province office's checklist.
 *
 * @param missing cities that have not filed, overdue or not yet due
 */
public record AnnualSummaryChecklist(int year, String provinceCode, String provinceName, LocalDate dueOn, int filed, int onTime,
        int late, int missing, List<City> cities) {

    /**
     * @param status     FILED or MISSING
     * @param timeliness ON_TIME or LATE for a filed summary (its first filing decides); OVERDUE or NOT_YET_DUE for a missing one
     */
    public record City(String cityCode, String cityName, String status, String timeliness, Instant firstFiledAt, Instant filedAt) {
    }
}
