package org.techschools.quota.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the 进展 dashboards. */
@ConfigMapping(prefix = "quota.dashboard")
public interface DashboardConfig {

    /** The offices' time zone: what "today" is for the pro-rata figure. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * First month (1–12) of the period a year's target is spread over for the pro-rata figure ("expected by today").
     * The whole calendar year by default; a province whose intake runs e.g. from March to November sets 3 and 11.
     */
    @WithDefault("1")
    int proRataFromMonth();

    /** Last month (1–12) of that period, inclusive. */
    @WithDefault("12")
    int proRataToMonth();
}
