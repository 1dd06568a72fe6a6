package org.techschools.quota.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.cache.CacheResult;

import org.techschools.quota.service.ProgressSnapshots;

/**
 * The JSON of the two polled 进展 views, serialised once per cache period
 * (quarkus.cache.caffeine."progress-*".expire-after-write, 1 s by default) from the reports {@link ProgressSnapshots}
 * keeps: serialising a city drill-down of hundreds of school/major rows costs more CPU than answering from memory.
 * Every argument is part of the key, so a city office's scoped report is never served to another caller.
 */
@ApplicationScoped
public class DashboardJson {

    static final String PROVINCE_REPORTS = "progress-province";
    static final String CITY_REPORTS = "progress-city";

    @Inject
    ProgressSnapshots progress;

    @Inject
    ObjectMapper json;

    /** @param cityLimit when not null, the report of this city alone (a city office's view) */
    @CacheResult(cacheName = PROVINCE_REPORTS)
    public byte[] province(int year, String provinceCode, String cityLimit) {
        return serialise(progress.province(year, provinceCode, cityLimit));
    }

    @CacheResult(cacheName = CITY_REPORTS)
    public byte[] city(int year, String cityCode) {
        return serialise(progress.city(year, cityCode));
    }

    private byte[] serialise(Object report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            // Our own report records always serialise; failing here is a programming error, answered 500.
            throw new IllegalStateException("report not serialisable", e);
        }
    }
}
