package org.techschools.quota.domain;

import java.time.LocalDate;

/** A city whose 年度总结 of a year was due and has not been filed (逾期未报). */
public record OverdueAnnualSummary(int year, String provinceCode, String cityCode, String cityName, LocalDate dueOn,
        long daysOverdue) {
}
