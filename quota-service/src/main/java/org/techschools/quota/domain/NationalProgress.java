package org.techschools.quota.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * 全国进展: target (目标任务) vs actual enrollment of every province that has a target for the year, and their sum.
 *
 * @param target the sum of the listed provinces' targets
 * @param actual the listed provinces' actual enrollment
 */
public record NationalProgress(int year, long target, long actual, BigDecimal completionPct, List<Province> provinces) {

    public record Province(String provinceCode, String provinceName, long target, long actual, BigDecimal completionPct) {
    }
}
