package org.techschools.quota.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A city's 年度总结 as filed: the figures as they were when filed, whether the city filed by the due day (its first
 * filing decides), and the filings a refiling superseded.
 *
 * @param timeliness ON_TIME or LATE, judged by the first filing against today's due day for the year
 * @param figures    the summary of the city as filed (the shape GET /annual-summary answers for a city office)
 */
public record FiledAnnualSummary(int year, String provinceCode, String cityCode, String cityName, LocalDate dueOn,
        Instant firstFiledAt, String timeliness, Instant filedAt, String filedBy, JsonNode figures,
        List<Superseded> superseded) {

    /** An earlier filing a refiling superseded. */
    public record Superseded(Instant filedAt, String filedBy, String timeliness, Instant supersededAt) {
    }
}
