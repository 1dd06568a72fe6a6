package org.techschools.enrollment.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.techschools.enrollment.domain.ProgressReportFilingHistory;

/**
 * A province's filing (报送) of a month's 进展表: the figures as filed, today's recomputation of the same month
 * and the per-cell difference (today minus filed), with earlier filings that a refiling replaced.
 *
 * @param timeliness of the first filing: whether the province reported on time
 */
public record ProgressFiling(String provinceCode, String month, LocalDate dueOn, Instant firstFiledAt, String timeliness,
        Instant filedAt, String filedBy, String latestFilingTimeliness, ProgressReport filed, ProgressReport current,
        List<ProgressReport.Row> differences, boolean changedSinceFiling, List<Earlier> earlierFilings) {

    public record Earlier(Instant filedAt, String filedBy, String timeliness, Instant supersededAt) {

        static Earlier of(ProgressReportFilingHistory h) {
            return new Earlier(h.filedAt, h.filedBy, h.timeliness.name(), h.supersededAt);
        }
    }
}
