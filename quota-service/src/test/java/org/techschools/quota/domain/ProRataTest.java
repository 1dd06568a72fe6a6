package org.techschools.quota.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * 序时进度, the "expected by today" figure of the dashboards, without Quarkus; ProgressDashboardTest shows it over the
 * API. The day is always given: the figure depends on the date, the test does not.
 */
class ProRataTest {

    @Test
    void overTheCalendarYearTheTargetIsDueDayByDay() {
        assertEquals(0, ProRata.expected(36_500, 2026, LocalDate.of(2025, 12, 31), 1, 12), "nothing before the year");
        assertEquals(100, ProRata.expected(36_500, 2026, LocalDate.of(2026, 1, 1), 1, 12), "the first day counts");
        assertEquals(18_100, ProRata.expected(36_500, 2026, LocalDate.of(2026, 6, 30), 1, 12), "181 of 365 days");
        assertEquals(36_500, ProRata.expected(36_500, 2026, LocalDate.of(2026, 12, 31), 1, 12), "all on the last day");
        assertEquals(36_500, ProRata.expected(36_500, 2026, LocalDate.of(2027, 3, 1), 1, 12), "the whole target after the year");
    }

    @Test
    void aLeapYearHasOneMoreDay() {
        assertEquals(36_600 / 366 * 60, ProRata.expected(36_600, 2028, LocalDate.of(2028, 2, 29), 1, 12));
        assertEquals(36_600, ProRata.expected(36_600, 2028, LocalDate.of(2028, 12, 31), 1, 12));
    }

    @Test
    void aProvinceWhoseIntakeRunsMarchToNovemberSpreadsTheTargetOverThoseMonths() {
        // 1 March to 30 November: 275 days.
        assertEquals(0, ProRata.expected(27_500, 2026, LocalDate.of(2026, 2, 28), 3, 11));
        assertEquals(100, ProRata.expected(27_500, 2026, LocalDate.of(2026, 3, 1), 3, 11));
        assertEquals(27_500, ProRata.expected(27_500, 2026, LocalDate.of(2026, 11, 30), 3, 11));
        assertEquals(27_500, ProRata.expected(27_500, 2026, LocalDate.of(2026, 12, 15), 3, 11), "December: the whole target");
    }

    @Test
    void theFigureIsRoundedDownSoNoOfficeIsShownBehindEarly() {
        // 1,000 over 365 days: 2.74 a day; by day 1 two are due, not three.
        assertEquals(2, ProRata.expected(1_000, 2026, LocalDate.of(2026, 1, 1), 1, 12));
        assertEquals(0, ProRata.expected(0, 2026, LocalDate.of(2026, 7, 1), 1, 12), "no target, nothing due");
    }

    @Test
    void aYearOfTargetsLargerThanAnIntIsNotOverflowed() {
        long target = 3_000_000_000L;
        assertEquals(target * 181 / 365, ProRata.expected(target, 2026, LocalDate.of(2026, 6, 30), 1, 12));
    }
}
