package org.techschools.quota.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.security.Regions;
import org.techschools.quota.config.DashboardConfig;
import org.techschools.quota.domain.CounterSums;
import org.techschools.quota.domain.Percentages;
import org.techschools.quota.domain.PlanLine;
import org.techschools.quota.domain.PriorityGroup;
import org.techschools.quota.domain.ProRata;
import org.techschools.quota.domain.TargetProgress;
import org.techschools.quota.domain.TargetProgress.BurnUp;
import org.techschools.quota.domain.TargetProgress.CampaignProgress;
import org.techschools.quota.domain.TargetProgress.CampaignYear;
import org.techschools.quota.domain.TargetProgress.CityProgress;
import org.techschools.quota.domain.TargetProgress.GroupCount;
import org.techschools.quota.domain.TargetProgress.MonthPoint;
import org.techschools.quota.domain.Region;
import org.techschools.quota.domain.School;
import org.techschools.quota.domain.SchoolTargetProgress;
import org.techschools.quota.domain.SchoolTargetProgress.SchoolProgress;
import org.techschools.quota.domain.Target;
import org.techschools.quota.domain.TargetCampaign;
import org.techschools.quota.domain.TargetScope;

/**
 * 进展: target (目标任务) vs plan (招生计划) vs actual enrollment, per province, city and school. The polled JSON
 * views are cached in front of this (rest/DashboardJson); the reports here are always computed from the counters.
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    DashboardConfig dashboard;

    @Inject
    Clock clock;

    /**
     * The progress of a province and its cities in an intake year.
     *
     * @param cityLimit when not null, only this city is shown and the totals are this city's (a city office's view)
     */
    @Transactional
    public TargetProgress province(int year, String provinceCode, String cityLimit) {
        Map<String, Map<String, Long>> levelsByCity = new HashMap<>();
        for (CounterSums.Count row : CounterSums.levelsByCity(provinceCode, year)) {
            levelsByCity.computeIfAbsent(row.key(), c -> zeroes(ClassLevel.values())).merge(row.part(), row.count(), Long::sum);
        }
        Map<String, Long> registeredByCity = CounterSums.registeredByCity(provinceCode, year);
        Map<String, Integer> cityTargets = targets(year, TargetScope.CITY, null);
        Map<String, String> cityNames = new HashMap<>();
        TreeSet<String> cityCodes = new TreeSet<>();
        for (Region city : Region.citiesOf(provinceCode)) {
            cityNames.put(city.code, city.name);
            cityCodes.add(city.code);
        }
        cityCodes.addAll(levelsByCity.keySet());
        Map<String, Long> plannedByCity = PlanLine.plannedByCity(year, provinceCode);
        cityCodes.addAll(plannedByCity.keySet());
        if (cityLimit != null) {
            cityCodes.retainAll(List.of(cityLimit));
        }

        LocalDate today = LocalDate.now(clock.withZone(dashboard.zone()));
        Map<String, Map<PriorityGroup, Long>> groupsByCity = priorityGroups(CounterSums.priorityGroupsByCity(provinceCode, year));
        List<CityProgress> cities = new ArrayList<>();
        for (String code : cityCodes) {
            Map<String, Long> levels = levelsByCity.getOrDefault(code, zeroes(ClassLevel.values()));
            long actual = total(levels);
            long target = cityTargets.getOrDefault(code, 0);
            String name = cityNames.containsKey(code) ? cityNames.get(code) : Region.nameOf(code);
            cities.add(new CityProgress(code, name, target, plannedByCity.getOrDefault(code, 0L), actual,
                    registeredByCity.getOrDefault(code, 0L), Percentages.of(actual, target),
                    Percentages.of(highSkill(levels), actual), expected(target, year, today),
                    groupCounts(List.of(groupsByCity.getOrDefault(code, Map.of()))), levels, shares(levels)));
        }

        long target;
        long plan = cities.stream().mapToLong(CityProgress::plan).sum();
        Map<String, Long> levels = zeroes(ClassLevel.values());
        long registered;
        if (cityLimit == null) {
            target = targets(year, TargetScope.PROVINCE, List.of(provinceCode)).getOrDefault(provinceCode, 0);
            levelsByCity.values().forEach(city -> city.forEach((level, n) -> levels.merge(level, n, Long::sum)));
            registered = registeredByCity.values().stream().mapToLong(Long::longValue).sum();
        } else {
            target = cities.stream().mapToLong(CityProgress::target).sum();
            levels.putAll(levelsByCity.getOrDefault(cityLimit, Map.of()));
            registered = cities.stream().mapToLong(CityProgress::activeRegistrations).sum();
        }
        long actual = total(levels);
        List<Map<PriorityGroup, Long>> scoped = cityLimit == null ? List.copyOf(groupsByCity.values())
                : List.of(groupsByCity.getOrDefault(cityLimit, Map.of()));
        return new TargetProgress(year, provinceCode, Region.nameOf(provinceCode), cityLimit, target, plan, actual,
                registered, Percentages.of(actual, target), Percentages.of(highSkill(levels), actual), today,
                expected(target, year, today), groupCounts(scoped), campaign(year, provinceCode, cityLimit), cities,
                burnUp(year, provinceCode, cityLimit, cityNames), levels, shares(levels));
    }

    /** Counts per {@link PriorityGroup} (of a city or school), by city or school. */
    private static Map<String, Map<PriorityGroup, Long>> priorityGroups(List<CounterSums.Count> rows) {
        Map<String, Map<PriorityGroup, Long>> counts = new HashMap<>();
        for (CounterSums.Count row : rows) {
            counts.computeIfAbsent(row.key(), k -> new EnumMap<>(PriorityGroup.class))
                    .merge(PriorityGroup.valueOf(row.part()), row.count(), Long::sum);
        }
        return counts;
    }

    /** The sums of the given per-group counts, every group listed. */
    public static List<GroupCount> groupCounts(Collection<Map<PriorityGroup, Long>> counts) {
        List<GroupCount> sums = new ArrayList<>();
        for (PriorityGroup group : PriorityGroup.values()) {
            sums.add(new GroupCount(group.name(), group.label,
                    counts.stream().mapToLong(c -> c.getOrDefault(group, 0L)).sum()));
        }
        return sums;
    }

    private long expected(long target, int year, LocalDate today) {
        return ProRata.expected(target, year, today, dashboard.proRataFromMonth(), dashboard.proRataToMonth());
    }

    /**
     * The province's campaign (五年攻坚) covering the year: the scope's enrollment against its target, in total and per
     * campaign year (two grouped queries, however many years the campaign has).
     */
    private CampaignProgress campaign(int year, String provinceCode, String cityLimit) {
        TargetCampaign campaign = TargetCampaign.<TargetCampaign>find(
                "scope = ?1 and scopeCode = ?2 and fromYear <= ?3 and toYear >= ?3 order by fromYear",
                TargetScope.PROVINCE, provinceCode, year).firstResult();
        if (campaign == null) {
            return null;
        }
        // A city has no campaign row of its own: its share is the sum of its yearly targets over the campaign.
        TargetScope scope = cityLimit == null ? TargetScope.PROVINCE : TargetScope.CITY;
        String scopeCode = cityLimit == null ? provinceCode : cityLimit;
        Map<Integer, Long> targetByYear = new HashMap<>();
        Target.<Target>list("scope = ?1 and scopeCode = ?2 and classLevel is null and year between ?3 and ?4",
                scope, scopeCode, campaign.fromYear, campaign.toYear).forEach(t -> targetByYear.put(t.year, (long) t.target));
        Map<Integer, Long> actualByYear = CounterSums.byIntakeYear(provinceCode, campaign.fromYear, campaign.toYear,
                cityLimit);
        List<CampaignYear> years = new ArrayList<>();
        for (int y = campaign.fromYear; y <= campaign.toYear; y++) {
            years.add(new CampaignYear(y, targetByYear.getOrDefault(y, 0L), actualByYear.getOrDefault(y, 0L)));
        }
        long target = cityLimit == null ? campaign.target : years.stream().mapToLong(CampaignYear::target).sum();
        long actual = years.stream().mapToLong(CampaignYear::actual).sum();
        return new CampaignProgress(campaign.name, campaign.fromYear, campaign.toYear, target, actual,
                Percentages.of(actual, target), years);
    }

    /** Per city with enrollment: new students of the intake year per month of enrolment, and the running total. */
    private List<BurnUp> burnUp(int year, String provinceCode, String cityLimit, Map<String, String> cityNames) {
        Map<String, List<MonthPoint>> byCity = new TreeMap<>();
        for (CounterSums.Count row : CounterSums.monthsByCity(provinceCode, year)) {
            String city = row.key();
            if (cityLimit != null && !cityLimit.equals(city)) {
                continue;
            }
            List<MonthPoint> months = byCity.computeIfAbsent(city, c -> new ArrayList<>());
            long enrolled = row.count();
            long before = months.isEmpty() ? 0 : months.get(months.size() - 1).cumulative();
            months.add(new MonthPoint(row.part(), enrolled, before + enrolled));
        }
        List<BurnUp> series = new ArrayList<>();
        byCity.forEach((city, months) -> series.add(new BurnUp(city,
                cityNames.containsKey(city) ? cityNames.get(city) : Region.nameOf(city), months)));
        return series;
    }

    /**
     * The drill-down of one city: every school with counts in the year, and every known school of the city, with its
     * target, issued plan, actual, ACTIVE 学籍, completion, pro-rata figure, level mix and priority groups.
     */
    @Transactional
    public SchoolTargetProgress city(int year, String cityCode) {
        String provinceCode = Regions.province(cityCode);
        Map<String, Map<String, Long>> byLevel = new HashMap<>();
        Map<String, Map<String, Long>> byMode = new HashMap<>();
        Map<String, Map<String, Long>> byMajor = new HashMap<>();
        for (CounterSums.Count row : CounterSums.levelsBySchool(provinceCode, year, cityCode)) {
            byLevel.computeIfAbsent(row.key(), s -> zeroes(ClassLevel.values())).merge(row.part(), row.count(), Long::sum);
        }
        for (CounterSums.MajorCount row : CounterSums.majorsBySchool(provinceCode, year, cityCode)) {
            byMode.computeIfAbsent(row.schoolCode(), s -> zeroes(StudyMode.values()))
                    .merge(row.studyMode(), row.count(), Long::sum);
            byMajor.computeIfAbsent(row.schoolCode(), s -> new TreeMap<>()).merge(row.majorCode(), row.count(), Long::sum);
        }
        Map<String, Long> registered = CounterSums.registeredBySchool(provinceCode, year, cityCode);
        Map<String, Long> planned = PlanLine.plannedBySchool(year, provinceCode, cityCode);
        Map<String, Map<PriorityGroup, Long>> groups = priorityGroups(
                CounterSums.priorityGroupsBySchool(provinceCode, year, cityCode));
        TreeMap<String, School> schools = new TreeMap<>();
        for (School school : School.<School>list("cityCode", cityCode)) {
            schools.put(school.code, school);
        }
        TreeSet<String> codes = new TreeSet<>(schools.keySet());
        codes.addAll(byLevel.keySet());
        codes.addAll(planned.keySet());
        Map<String, Integer> schoolTargets = targets(year, TargetScope.SCHOOL, codes);
        LocalDate today = LocalDate.now(clock.withZone(dashboard.zone()));

        List<SchoolProgress> rows = new ArrayList<>();
        long total = 0;
        long advancedTotal = 0;
        for (String code : codes) {
            School school = schools.get(code);
            Map<String, Long> levels = byLevel.getOrDefault(code, zeroes(ClassLevel.values()));
            long actual = total(levels);
            long advanced = highSkill(levels);
            total += actual;
            advancedTotal += advanced;
            Integer target = schoolTargets.get(code);
            rows.add(new SchoolProgress(code, school == null ? null : school.name, school == null ? null : school.type,
                    school == null ? null : school.provincial, target, planned.getOrDefault(code, 0L), actual,
                    registered.getOrDefault(code, 0L), target == null ? null : Percentages.of(actual, target),
                    target == null ? null : expected(target, year, today), Percentages.of(advanced, actual),
                    groupCounts(List.of(groups.getOrDefault(code, Map.of()))), levels,
                    byMode.getOrDefault(code, zeroes(StudyMode.values())),
                    byMajor.getOrDefault(code, Map.of())));
        }
        long target = targets(year, TargetScope.CITY, List.of(cityCode)).getOrDefault(cityCode, 0);
        return new SchoolTargetProgress(year, provinceCode, cityCode, Region.nameOf(cityCode), target,
                planned.values().stream().mapToLong(Long::longValue).sum(), total,
                registered.values().stream().mapToLong(Long::longValue).sum(), Percentages.of(total, target), today,
                expected(target, year, today), Percentages.of(advancedTotal, total), groupCounts(groups.values()), rows);
    }

    /** Targets over all class levels of a year and scope, by scope code (all codes of the scope when codes is null). */
    private static Map<String, Integer> targets(int year, TargetScope scope, Collection<String> codes) {
        if (codes != null) {
            return Target.allLevelsOf(year, scope, codes);
        }
        Map<String, Integer> byCode = new HashMap<>();
        Target.<Target>list("year = ?1 and scope = ?2 and classLevel is null", year, scope)
                .forEach(t -> byCode.put(t.scopeCode, t.target));
        return byCode;
    }

    private static long total(Map<String, Long> levels) {
        return levels.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Students of 高级工班, 预备技师班 and 技师班: the share to raise (docs/DOMAIN.md#schools-and-class-levels). */
    static long highSkill(Map<String, Long> levels) {
        return Stream.of(ClassLevel.values()).filter(ClassLevel::isHighSkill)
                .mapToLong(level -> levels.getOrDefault(level.name(), 0L)).sum();
    }

    /** Each class level's share of the enrollment in percent, every level listed (null when nobody enrolled). */
    static Map<String, BigDecimal> shares(Map<String, Long> levels) {
        long total = total(levels);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (ClassLevel level : ClassLevel.values()) {
            shares.put(level.name(), Percentages.of(levels.getOrDefault(level.name(), 0L), total));
        }
        return shares;
    }

    /** Every value of the enum with 0, in declaration order. */
    static Map<String, Long> zeroes(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }
}
