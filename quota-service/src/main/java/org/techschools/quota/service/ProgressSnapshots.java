package org.techschools.quota.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.cache.CacheResult;

import org.techschools.quota.domain.TargetProgress;
import org.techschools.quota.domain.SchoolTargetProgress;

/**
 * The 进展 reports the dashboards poll (API and console pages alike), each scope's report computed at most once per
 * cache period (quarkus.cache.caffeine."progress-*-report".expire-after-write, 1 s by default).
 * <p>
 * Many offices watch the same province at once and a report costs a dozen queries; without the cache concurrent
 * viewers queue behind each other on the two cores. The counters already trail the events by the consumers' lag, so
 * one more second is invisible. Every argument is part of the key: a city office's scoped report is never served to
 * another caller. Exports and the annual summary call {@link ProgressService} and are always computed afresh.
 */
@ApplicationScoped
public class ProgressSnapshots {

    static final String PROVINCE_REPORTS = "progress-province-report";
    static final String CITY_REPORTS = "progress-city-report";

    @Inject
    ProgressService progress;

    /** @param cityLimit when not null, the report of this city alone (a city office's view) */
    @CacheResult(cacheName = PROVINCE_REPORTS)
    public TargetProgress province(int year, String provinceCode, String cityLimit) {
        return progress.province(year, provinceCode, cityLimit);
    }

    @CacheResult(cacheName = CITY_REPORTS)
    public SchoolTargetProgress city(int year, String cityCode) {
        return progress.city(year, cityCode);
    }
}
