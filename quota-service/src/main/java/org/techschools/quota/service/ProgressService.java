package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.security.Regions;
import org.techschools.quota.domain.Percentages;
import org.techschools.quota.domain.ProgressReport;
import org.techschools.quota.domain.ProgressReport.CityProgress;
import org.techschools.quota.domain.Region;
import org.techschools.quota.domain.School;
import org.techschools.quota.domain.SchoolProgressReport;
import org.techschools.quota.domain.SchoolProgressReport.SchoolProgress;
import org.techschools.quota.domain.Target;
import org.techschools.quota.domain.TargetScope;

/** 进展: target (目标任务) vs plan (招生计划) vs actual enrollment, per province, city and school. */
@ApplicationScoped
public class ProgressService {

    @Inject
    EntityManager em;

    /**
     * The progress of a province and its cities in an intake year.
     *
     * @param cityLimit when not null, only this city is shown and the totals are this city's (a city office's view)
     */
    @Transactional
    public ProgressReport province(int year, String provinceCode, String cityLimit) {
        Map<String, long[]> actualByCity = new HashMap<>(); // city -> {all, advanced or prep-technician}
        for (Object[] row : rows("""
                SELECT city_code, class_level, SUM(count) FROM enrollment_counter
                WHERE intake_year = ?1 AND province_code = ?2 GROUP BY city_code, class_level""", year, provinceCode)) {
            long[] sums = actualByCity.computeIfAbsent((String) row[0], c -> new long[2]);
            long n = ((Number) row[2]).longValue();
            sums[0] += n;
            if (isAdvanced((String) row[1])) {
                sums[1] += n;
            }
        }
        Map<String, Integer> cityTargets = targets(year, TargetScope.CITY, null);
        Map<String, String> cityNames = new HashMap<>();
        TreeSet<String> cityCodes = new TreeSet<>();
        for (Region city : Region.citiesOf(provinceCode)) {
            cityNames.put(city.code, city.name);
            cityCodes.add(city.code);
        }
        cityCodes.addAll(actualByCity.keySet());
        if (cityLimit != null) {
            cityCodes.retainAll(List.of(cityLimit));
        }

        List<CityProgress> cities = new ArrayList<>();
        for (String code : cityCodes) {
            long[] actual = actualByCity.getOrDefault(code, new long[2]);
            long target = cityTargets.getOrDefault(code, 0);
            String name = cityNames.containsKey(code) ? cityNames.get(code) : Region.nameOf(code);
            cities.add(new CityProgress(code, name, target, 0, actual[0], Percentages.of(actual[0], target),
                    Percentages.of(actual[1], actual[0])));
        }

        long target;
        long actual;
        long advanced;
        if (cityLimit == null) {
            target = targets(year, TargetScope.PROVINCE, List.of(provinceCode)).getOrDefault(provinceCode, 0);
            actual = actualByCity.values().stream().mapToLong(s -> s[0]).sum();
            advanced = actualByCity.values().stream().mapToLong(s -> s[1]).sum();
        } else {
            target = cities.stream().mapToLong(CityProgress::target).sum();
            actual = cities.stream().mapToLong(CityProgress::actual).sum();
            advanced = actualByCity.getOrDefault(cityLimit, new long[2])[1];
        }
        return new ProgressReport(year, provinceCode, Region.nameOf(provinceCode), cityLimit, target, 0, actual,
                Percentages.of(actual, target), Percentages.of(advanced, actual), cities);
    }

    /** The drill-down of one city: every school with counts in the year, and every known school of the city. */
    @Transactional
    public SchoolProgressReport city(int year, String cityCode) {
        Map<String, Map<String, Long>> byLevel = new HashMap<>();
        Map<String, Map<String, Long>> byMode = new HashMap<>();
        Map<String, Map<String, Long>> byMajor = new HashMap<>();
        for (Object[] row : rows("""
                SELECT school_code, class_level, study_mode, major_code, SUM(count) FROM enrollment_counter
                WHERE intake_year = ?1 AND city_code = ?2
                GROUP BY school_code, class_level, study_mode, major_code""", year, cityCode)) {
            String school = (String) row[0];
            long n = ((Number) row[4]).longValue();
            byLevel.computeIfAbsent(school, s -> zeroes(ClassLevel.values())).merge((String) row[1], n, Long::sum);
            byMode.computeIfAbsent(school, s -> zeroes(StudyMode.values()))
                    .merge((String) row[2], n, Long::sum);
            byMajor.computeIfAbsent(school, s -> new TreeMap<>()).merge((String) row[3], n, Long::sum);
        }
        TreeMap<String, School> schools = new TreeMap<>();
        for (School school : School.<School>list("cityCode", cityCode)) {
            schools.put(school.code, school);
        }
        TreeSet<String> codes = new TreeSet<>(schools.keySet());
        codes.addAll(byLevel.keySet());
        Map<String, Integer> schoolTargets = targets(year, TargetScope.SCHOOL, codes);

        List<SchoolProgress> rows = new ArrayList<>();
        long total = 0;
        for (String code : codes) {
            School school = schools.get(code);
            Map<String, Long> levels = byLevel.getOrDefault(code, zeroes(ClassLevel.values()));
            long actual = levels.values().stream().mapToLong(Long::longValue).sum();
            long advanced = levels.get(ClassLevel.ADVANCED.name()) + levels.get(ClassLevel.PREP_TECHNICIAN.name());
            total += actual;
            rows.add(new SchoolProgress(code, school == null ? null : school.name, school == null ? null : school.type,
                    school == null ? null : school.provincial, schoolTargets.get(code), actual,
                    Percentages.of(advanced, actual), levels,
                    byMode.getOrDefault(code, zeroes(StudyMode.values())),
                    byMajor.getOrDefault(code, Map.of())));
        }
        long target = targets(year, TargetScope.CITY, List.of(cityCode)).getOrDefault(cityCode, 0);
        return new SchoolProgressReport(year, Regions.province(cityCode), cityCode, Region.nameOf(cityCode), target, total,
                Percentages.of(total, target), rows);
    }

    /** Targets over all class levels of a year and scope, by scope code (all codes of the scope when codes is null). */
    private Map<String, Integer> targets(int year, TargetScope scope, Collection<String> codes) {
        List<Target> targets = codes == null
                ? Target.list("year = ?1 and scope = ?2 and classLevel is null", year, scope)
                : codes.isEmpty() ? List.of()
                        : Target.list("year = ?1 and scope = ?2 and classLevel is null and scopeCode in ?3", year, scope, codes);
        Map<String, Integer> byCode = new HashMap<>();
        targets.forEach(t -> byCode.put(t.scopeCode, t.target));
        return byCode;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static boolean isAdvanced(String classLevel) {
        return ClassLevel.ADVANCED.name().equals(classLevel) || ClassLevel.PREP_TECHNICIAN.name().equals(classLevel);
    }

    private static Map<String, Long> zeroes(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }
}
