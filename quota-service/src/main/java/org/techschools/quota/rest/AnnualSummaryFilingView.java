package org.techschools.quota.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.techschools.quota.service.FiledAnnualSummary;

/**
 * A city's 年度总结 as filed: the figures as they were when filed, whether the city filed by the due day (its first
 * filing decides), and the filings a refiling superseded.
 *
 * @param timeliness ON_TIME or LATE, judged by the first filing against today's due day for the year
 * @param filed      the summary of the city as filed (the shape GET /annual-summary answers for a city office)
 */
public record AnnualSummaryFilingView(int year, String provinceCode, String cityCode, String cityName, LocalDate dueOn,
        Instant firstFiledAt, String timeliness, Instant filedAt, String filedBy, JsonNode filed, List<Earlier> earlier) {

    static AnnualSummaryFilingView of(FiledAnnualSummary f) {
        return new AnnualSummaryFilingView(f.year(), f.provinceCode(), f.cityCode(), f.cityName(), f.dueOn(),
                f.firstFiledAt(), f.timeliness(), f.filedAt(), f.filedBy(), f.figures(), f.superseded().stream()
                        .map(e -> new Earlier(e.filedAt(), e.filedBy(), e.timeliness(), e.supersededAt())).toList());
    }

    public record Earlier(Instant filedAt, String filedBy, String timeliness, Instant supersededAt) {
    }
}
