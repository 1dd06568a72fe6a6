package org.techschools.enrollment.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * 进展表报送时间表 ({@code platform.progress-report.*}): which months' reports are due and by which day.
 *
 * <p>Provinces send the report "于 8 月至 11 月的每月 10 日前" (docs/DOMAIN.md#progress-report) — before the 10th
 * of each month from August to November. Read here as: the report of month M (figures as of the end of M) is due on
 * day {@link #dueDay()} of month M+1, for each M in {@link #months()}; a filing made on the due day still counts as
 * on time (the day ends at midnight in {@link #zone()}). Provinces differ from year to year, so both can be
 * overridden per year, e.g. {@code platform.progress-report.year.2027.due-day=15}.
 */
@ConfigMapping(prefix = "platform.progress-report")
public interface ProgressReportSchedule {

    /** Day of the following month by which a month's report is due. */
    @WithDefault("10")
    int dueDay();

    /** The report months (1–12) of each year that must be filed. */
    @WithDefault("8,9,10,11")
    List<Integer> months();

    /** Where a month ends and a due day ends (the national centre's time zone). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The first year whose unfiled reports are announced (ProgressReportOverdue): earlier years never are. */
    @WithDefault("2026")
    int firstYear();

    /** How often overdue reports are looked for (a duration such as {@code 1h}, or {@code off}): ProgressReportReminders. */
    @WithDefault("1h")
    String checkEvery();

    /** Overrides per year of the report month. */
    @WithName("year")
    Map<Integer, YearOverride> years();

    interface YearOverride {

        Optional<Integer> dueDay();

        Optional<List<Integer>> months();
    }
}
