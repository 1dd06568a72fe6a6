package org.techschools.enrollment.service;

import java.time.LocalDate;

/** A province's 进展表 of a month that was due on {@code dueOn} and has not been filed (逾期未报). */
public record OverdueProgressReport(String provinceCode, String provinceName, String month, LocalDate dueOn, long daysOverdue) {
}
