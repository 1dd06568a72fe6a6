package org.techschools.quota.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * 年度总结报送时间 ({@code quota.annual-summary.*}): a city's summary of year Y is due on 30 November of Y
 * (docs/DOMAIN.md#annual-summary), the whole due day counting as on time in {@link #zone()}; a province may set
 * another day for a year, e.g. {@code quota.annual-summary.year.2027.due-on=2027-12-05}.
 */
@ConfigMapping(prefix = "quota.annual-summary")
public interface AnnualSummarySchedule {

    /** Month (1–12) of the year's due day. */
    @WithDefault("11")
    int dueMonth();

    /** Day of {@link #dueMonth()}. */
    @WithDefault("30")
    int dueDay();

    /** Where a due day ends (the offices' time zone). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The first year whose summaries the platform asks for: earlier years are never reported overdue. */
    @WithDefault("2024")
    int firstYear();

    /** How often overdue summaries are looked for (and AnnualSummaryOverdue events sent). */
    @WithDefault("1h")
    Duration checkEvery();

    /** Overrides per year. */
    @WithName("year")
    Map<Integer, YearOverride> years();

    interface YearOverride {

        Optional<LocalDate> dueOn();
    }
}
