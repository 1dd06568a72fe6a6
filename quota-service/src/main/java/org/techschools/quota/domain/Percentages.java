package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the dashboards show them: one decimal, null when there is nothing to divide by. */
public final class Percentages {

    private Percentages() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
