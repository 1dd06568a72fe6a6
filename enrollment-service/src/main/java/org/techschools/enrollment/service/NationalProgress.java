package org.techschools.enrollment.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 全国进展表汇总: every province's filing of a month — filed or missing, on time or late — with the filed totals
 * and their national sum.
 */
public record NationalProgress(String month, LocalDate dueOn, int filed, int missing, int late, ProgressReport.Row filedTotal,
        List<Province> provinces) {

    /**
     * @param status     FILED or MISSING
     * @param timeliness ON_TIME or LATE for a filed report (judged by its first filing); OVERDUE or NOT_YET_DUE for a missing one
     * @param total      the 合计 row as filed, null when missing
     */
    public record Province(String provinceCode, String provinceName, String status, String timeliness, Instant firstFiledAt,
            Instant filedAt, ProgressReport.Row total) {
    }
}
