package org.techschools.quota.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.Outbox;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.quota.config.AnnualSummarySchedule;
import org.techschools.quota.domain.AnnualSummaryChecklist;
import org.techschools.quota.domain.AnnualSummaryFiling;
import org.techschools.quota.domain.AnnualSummaryFiling.Timeliness;
import org.techschools.quota.domain.AnnualSummaryQueries;
import org.techschools.quota.domain.AnnualSummaryQueries.City;
import org.techschools.quota.domain.OverdueAnnualSummary;
import org.techschools.quota.domain.Region;
import org.techschools.quota.messaging.AnnualSummaryOverdue;

/**
 * 年度总结报送 (docs/DOMAIN.md#annual-summary: each city's summary to the province by 30 November): a city office files its summary as it
 * stands (a snapshot, like the 进展表's filing), on time or late; the province sees which cities filed; summaries
 * missing after the due day are listed and announced once per city on {@code quota-events}.
 */
@ApplicationScoped
public class AnnualSummaryFilingService {

    @Inject
    AnnualSummaryService summaries;

    @Inject
    AnnualSummarySchedule schedule;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** The due day of a year's summaries: the year's override, else {@code due-month}/{@code due-day} of the year. */
    public LocalDate dueOn(int year) {
        AnnualSummarySchedule.YearOverride override = schedule.years().get(year);
        if (override != null && override.dueOn().isPresent()) {
            return override.dueOn().get();
        }
        return LocalDate.of(year, schedule.dueMonth(), schedule.dueDay());
    }

    /** On time when filed before the due day ended in the schedule's zone. */
    Timeliness timeliness(int year, Instant at) {
        return at.isBefore(dueOn(year).plusDays(1).atStartOfDay(schedule.zone()).toInstant()) ? Timeliness.ON_TIME : Timeliness.LATE;
    }

    /**
     * 报送: stores the city's summary as it is now; a refiling supersedes the filing before (kept). 422 naming {@code year}
     * for a year before the platform asked for summaries or one that has not begun; 404 for a city this service does not
     * know.
     */
    @Transactional
    public FiledAnnualSummary file(int year, String cityCode, String filedBy) {
        Instant now = clock.instant();
        int thisYear = LocalDate.ofInstant(now, schedule.zone()).getYear();
        if (year < schedule.firstYear() || year > thisYear) {
            throw ProblemException.unprocessable(List.of(new FieldError("year", "summary-year",
                    "annual summaries are filed for the years from " + schedule.firstYear() + " to the current year")));
        }
        City city = AnnualSummaryQueries.city(cityCode);
        if (city == null) {
            throw ProblemException.notFound("city");
        }
        AnnualSummaryQueries.lockFilings(year, cityCode);
        String figures;
        try {
            figures = mapper.writeValueAsString(summaries.summary(year, city.provinceCode(), cityCode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AnnualSummaryFiling previous = current(year, cityCode);
        if (previous != null) {
            previous.supersededAt = now;
            em.flush(); // before the insert: only one filing of a city and year is current
        }
        AnnualSummaryFiling filing = new AnnualSummaryFiling();
        filing.id = UUID.randomUUID();
        filing.year = year;
        filing.provinceCode = city.provinceCode();
        filing.cityCode = cityCode;
        filing.figures = figures;
        filing.filedAt = now;
        filing.filedBy = filedBy;
        filing.timeliness = timeliness(year, now);
        filing.persist();
        return filed(year, city);
    }

    /** The city's current filing with the ones it superseded; 404 when the city has not filed. */
    @Transactional
    public FiledAnnualSummary filing(int year, String cityCode) {
        City city = AnnualSummaryQueries.city(cityCode);
        if (city == null || current(year, cityCode) == null) {
            throw ProblemException.notFound("filing of the city for the year");
        }
        return filed(year, city);
    }

    private FiledAnnualSummary filed(int year, City city) {
        List<AnnualSummaryFiling> all = AnnualSummaryFiling.list("year = ?1 and cityCode = ?2 order by filedAt", year, city.code());
        AnnualSummaryFiling current = all.stream().filter(f -> f.supersededAt == null).findFirst().orElseThrow();
        Instant first = all.get(0).filedAt;
        try {
            return new FiledAnnualSummary(year, city.provinceCode(), city.code(), city.name(), dueOn(year), first,
                    timeliness(year, first).name(), current.filedAt, current.filedBy, mapper.readTree(current.figures),
                    all.stream().filter(f -> f.supersededAt != null)
                            .map(f -> new FiledAnnualSummary.Superseded(f.filedAt, f.filedBy, f.timeliness.name(), f.supersededAt))
                            .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("filed figures are not JSON", e);
        }
    }

    /** Every city of the province: filed (on time or late, by its first filing) or missing (overdue or not yet due). */
    @Transactional
    public AnnualSummaryChecklist checklist(int year, String provinceCode) {
        Map<String, Instant> firstFiled = new HashMap<>();
        Map<String, Instant> lastFiled = new HashMap<>();
        for (AnnualSummaryFiling f : AnnualSummaryFiling.<AnnualSummaryFiling>list("year = ?1 and provinceCode = ?2", year, provinceCode)) {
            firstFiled.merge(f.cityCode, f.filedAt, (a, b) -> a.isBefore(b) ? a : b);
            lastFiled.merge(f.cityCode, f.filedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
        boolean overdue = timeliness(year, clock.instant()) == Timeliness.LATE;
        List<AnnualSummaryChecklist.City> cities = new ArrayList<>();
        int onTime = 0;
        int late = 0;
        for (City city : AnnualSummaryQueries.citiesOf(provinceCode)) {
            Instant first = firstFiled.get(city.code());
            if (first == null) {
                cities.add(new AnnualSummaryChecklist.City(city.code(), city.name(), "MISSING", overdue ? "OVERDUE" : "NOT_YET_DUE", null,
                        null));
                continue;
            }
            Timeliness t = timeliness(year, first);
            onTime += t == Timeliness.ON_TIME ? 1 : 0;
            late += t == Timeliness.LATE ? 1 : 0;
            cities.add(new AnnualSummaryChecklist.City(city.code(), city.name(), "FILED", t.name(), first, lastFiled.get(city.code())));
        }
        return new AnnualSummaryChecklist(year, provinceCode, Region.nameOf(provinceCode), dueOn(year), onTime + late, onTime, late,
                cities.size() - onTime - late, cities);
    }

    /**
     * Cities whose summary is past its due day and not filed (逾期未报), of one year or — without one — of every year since
     * {@code first-year} whose due day has passed; of one province or, when {@code provinceCode} is null, all.
     */
    @Transactional
    public List<OverdueAnnualSummary> overdue(Integer year, String provinceCode) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        List<OverdueAnnualSummary> overdue = new ArrayList<>();
        for (int y : year == null ? dueYears(now) : List.of(year)) {
            if (timeliness(y, now) != Timeliness.LATE) {
                continue;
            }
            LocalDate due = dueOn(y);
            for (City city : AnnualSummaryQueries.unfiled(y, provinceCode)) {
                overdue.add(new OverdueAnnualSummary(y, city.provinceCode(), city.code(), city.name(), due,
                        ChronoUnit.DAYS.between(due, today)));
            }
        }
        return overdue;
    }

    /**
     * Announces each newly overdue summary once on {@code quota-events} (AnnualSummaryOverdue): the reminder row and the
     * event commit together, and the row's key keeps a second instance or a second run from announcing it again.
     *
     * @return how many were announced
     */
    @Transactional
    public int announceOverdue() {
        Instant now = clock.instant();
        int announced = 0;
        for (int y : dueYears(now)) {
            LocalDate due = dueOn(y);
            List<City> reminded = AnnualSummaryQueries.remindUnfiled(y, due, now);
            for (City city : reminded) {
                outbox.append(Topics.QUOTA_EVENTS, AnnualSummaryOverdue.TYPE, AnnualSummaryOverdue.SCHEMA_VERSION, city.code(),
                        new AnnualSummaryOverdue(y, city.provinceCode(), city.code(), city.name(), due, now));
            }
            announced += reminded.size();
        }
        return announced;
    }

    /** The years since {@code first-year} whose due day has passed at {@code now}. */
    private List<Integer> dueYears(Instant now) {
        int thisYear = LocalDate.ofInstant(now, schedule.zone()).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = schedule.firstYear(); y <= thisYear; y++) {
            if (timeliness(y, now) == Timeliness.LATE) {
                years.add(y);
            }
        }
        return years;
    }

    private static AnnualSummaryFiling current(int year, String cityCode) {
        return AnnualSummaryFiling.find("year = ?1 and cityCode = ?2 and supersededAt is null", year, cityCode).firstResult();
    }
}
