package org.techschools.quota.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code quota-events}, type {@link #TYPE}, keyed by city code: a city's 年度总结 of {@code year} was due on
 * {@code dueOn} and had not been filed when {@code detectedAt} (逾期未报), per
 * deployment/kafka/schemas/AnnualSummaryOverdue.schema.json. Sent once per city and year.
 */
public record AnnualSummaryOverdue(int year, String provinceCode, String cityCode, String cityName, LocalDate dueOn,
        Instant detectedAt) {

    public static final String TYPE = "AnnualSummaryOverdue";
    public static final int SCHEMA_VERSION = 1;
}
