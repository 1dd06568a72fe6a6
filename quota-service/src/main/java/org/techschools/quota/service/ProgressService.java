package org.techschools.quota.service;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.Session;


import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.security.Regions;
import org.techschools.quota.config.DashboardConfig;
import org.techschools.quota.domain.Percentages;
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
    EntityManager em;

    @Inject
    PlanLookup plans;

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
        for (Object[] row : rows("""
                SELECT city_code, class_level, SUM(count) FROM city_counter
                WHERE province_code = ?1 AND intake_year = ?2 GROUP BY city_code, class_level""", provinceCode, year)) {
            levelsByCity.computeIfAbsent((String) row[0], c -> zeroes(ClassLevel.values()))
                    .merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
        Map<String, Long> registeredByCity = sums("""
                SELECT city_code, SUM(count) FROM registration_counter
                WHERE province_code = ?1 AND intake_year = ?2 GROUP BY city_code""", provinceCode, year);
        Map<String, Integer> cityTargets = targets(year, TargetScope.CITY, null);
        Map<String, String> cityNames = new HashMap<>();
        TreeSet<String> cityCodes = new TreeSet<>();
        for (Region city : Region.citiesOf(provinceCode)) {
            cityNames.put(city.code, city.name);
            cityCodes.add(city.code);
        }
        cityCodes.addAll(levelsByCity.keySet());
        Map<String, Long> plannedByCity = plans.plannedByCity(year, provinceCode);
        cityCodes.addAll(plannedByCity.keySet());
        if (cityLimit != null) {
            cityCodes.retainAll(List.of(cityLimit));
        }

        LocalDate today = LocalDate.now(clock.withZone(dashboard.zone()));
        Map<String, Map<PriorityGroup, Long>> groupsByCity = priorityGroups("city_code", year, provinceCode, null);
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

    /**
     * Active enrollment of the intake year per {@link PriorityGroup}, by city or school.
     *
     * @param by       {@code city_code} or {@code school_code}: what the counts are grouped by
     * @param cityCode when not null, only this city's schools
     */
    public Map<String, Map<PriorityGroup, Long>> priorityGroups(String by, int year, String provinceCode, String cityCode) {
        if (!by.equals("city_code") && !by.equals("school_code")) {
            throw new IllegalArgumentException("priority groups are counted by city_code or school_code, not " + by);
        }
        List<Object> parameters = new ArrayList<>(List.of(provinceCode, year));
        if (cityCode != null) {
            parameters.add(cityCode);
        }
        Map<String, Map<PriorityGroup, Long>> counts = new HashMap<>();
        for (Object[] row : rows("SELECT " + by + ", priority_group, SUM(count) FROM priority_group_counter"
                + " WHERE province_code = ?1 AND intake_year = ?2" + (cityCode == null ? "" : " AND city_code = ?3")
                + " GROUP BY " + by + ", priority_group", parameters.toArray())) {
            counts.computeIfAbsent((String) row[0], k -> new EnumMap<>(PriorityGroup.class))
                    .merge(PriorityGroup.valueOf((String) row[1]), ((Number) row[2]).longValue(), Long::sum);
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
        List<Object> parameters = new ArrayList<>(List.of(provinceCode, campaign.fromYear, campaign.toYear));
        if (cityLimit != null) {
            parameters.add(cityLimit);
        }
        Map<Integer, Long> actualByYear = new HashMap<>();
        for (Object[] row : rows("SELECT intake_year, SUM(count) FROM city_counter WHERE province_code = ?1"
                + " AND intake_year BETWEEN ?2 AND ?3" + (cityLimit == null ? "" : " AND city_code = ?4")
                + " GROUP BY intake_year", parameters.toArray())) {
            actualByYear.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
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
        for (Object[] row : rows("""
                SELECT city_code, enrolled_month, SUM(count) FROM city_counter
                WHERE province_code = ?1 AND intake_year = ?2 GROUP BY city_code, enrolled_month
                HAVING SUM(count) <> 0 ORDER BY city_code, enrolled_month""", provinceCode, year)) {
            String city = (String) row[0];
            if (cityLimit != null && !cityLimit.equals(city)) {
                continue;
            }
            List<MonthPoint> months = byCity.computeIfAbsent(city, c -> new ArrayList<>());
            long enrolled = ((Number) row[2]).longValue();
            long before = months.isEmpty() ? 0 : months.get(months.size() - 1).cumulative();
            months.add(new MonthPoint((String) row[1], enrolled, before + enrolled));
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
        for (Object[] row : rows("""
                SELECT school_code, class_level, SUM(count) FROM school_counter
                WHERE province_code = ?1 AND intake_year = ?2 AND city_code = ?3
                GROUP BY school_code, class_level""", provinceCode, year, cityCode)) {
            byLevel.computeIfAbsent((String) row[0], s -> zeroes(ClassLevel.values()))
                    .merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
        for (Object[] row : rows("""
                SELECT school_code, study_mode, major_code, count FROM school_major_counter
                WHERE province_code = ?1 AND intake_year = ?2 AND city_code = ?3""", provinceCode, year, cityCode)) {
            String school = (String) row[0];
            long n = ((Number) row[3]).longValue();
            byMode.computeIfAbsent(school, s -> zeroes(StudyMode.values())).merge((String) row[1], n, Long::sum);
            byMajor.computeIfAbsent(school, s -> new TreeMap<>()).merge((String) row[2], n, Long::sum);
        }
        Map<String, Long> registered = sums("""
                SELECT school_code, SUM(count) FROM registration_counter
                WHERE province_code = ?1 AND intake_year = ?2 AND city_code = ?3 GROUP BY school_code""",
                provinceCode, year, cityCode);
        Map<String, Long> planned = plans.plannedBySchool(year, provinceCode, cityCode);
        Map<String, Map<PriorityGroup, Long>> groups = priorityGroups("school_code", year, provinceCode, cityCode);
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

    /**
     * Targets over all class levels of a year and scope, by scope code (all codes of the scope when codes is null).
     * The codes go as one array parameter: a query with an IN list of varying length is translated anew on every call,
     * which was most of a drill-down's time.
     */
    private Map<String, Integer> targets(int year, TargetScope scope, Collection<String> codes) {
        Map<String, Integer> byCode = new HashMap<>();
        if (codes == null) {
            Target.<Target>list("year = ?1 and scope = ?2 and classLevel is null", year, scope)
                    .forEach(t -> byCode.put(t.scopeCode, t.target));
            return byCode;
        }
        if (codes.isEmpty()) {
            return byCode;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT scope_code, target FROM target"
                    + " WHERE year = ? AND scope = ? AND class_level IS NULL AND scope_code = ANY (?::varchar[])")) {
                query.setInt(1, year);
                query.setString(2, scope.name());
                query.setArray(3, connection.createArrayOf("varchar", codes.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byCode.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
        });
        return byCode;
    }

    /** A two-column query (code, sum) as a map. */
    private Map<String, Long> sums(String sql, Object... parameters) {
        Map<String, Long> sums = new HashMap<>();
        for (Object[] row : rows(sql, parameters)) {
            sums.put((String) row[0], ((Number) row[1]).longValue());
        }
        return sums;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        return query(sql, parameters).getResultList();
    }

    private Query query(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
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
