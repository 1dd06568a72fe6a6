package org.techschools.enrollment.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code progress-report-events}, type {@link #TYPE}, keyed by province code: a province's 进展表 of {@code month}
 * (yyyy-MM) was due on {@code dueOn} and had not been filed when {@code detectedAt} (逾期未报), per
 * deployment/kafka/schemas/ProgressReportOverdue.schema.json. Sent once per province and month.
 */
public record ProgressReportOverdue(String month, String provinceCode, String provinceName, LocalDate dueOn, Instant detectedAt) {

    public static final String TYPE = "ProgressReportOverdue";
    public static final int SCHEMA_VERSION = 1;
}
