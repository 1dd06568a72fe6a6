package org.techschools.quota.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 序时进度: the part of a year's target due by a day, when the target is spread evenly over the days of a period of
 * the year (by default the calendar year).
 */
public final class ProRata {

    private ProRata() {
    }

    /**
     * @param fromMonth first month of the period (1–12)
     * @param toMonth   last month of the period, inclusive
     * @return 0 before the period, the whole target after it, the elapsed share (today included) within it
     */
    public static long expected(long target, int year, LocalDate today, int fromMonth, int toMonth) {
        LocalDate start = LocalDate.of(year, fromMonth, 1);
        LocalDate end = LocalDate.of(year, toMonth, 1).plusMonths(1); // exclusive
        if (today.isBefore(start)) {
            return 0;
        }
        if (!today.isBefore(end)) {
            return target;
        }
        long elapsed = ChronoUnit.DAYS.between(start, today) + 1;
        return target * elapsed / ChronoUnit.DAYS.between(start, end);
    }
}
