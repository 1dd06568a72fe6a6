package org.techschools.quota.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.techschools.commons.persistence.PlainSql;

/**
 * The sums the progress reports (进展, 全国进展, 年度总结) read from the counter tables that {@link CounterWrites} moves:
 * actual enrollment by city, school, class level, study mode, major, month and priority group, and ACTIVE 学籍.
 */
public final class CounterSums {

    /**
     * A sum by two keys.
     *
     * @param key  the first key (a city, school or intake year)
     * @param part the second (a class level, month, study mode or priority group)
     */
    public record Count(String key, String part, long count) {
    }

    /** A school's enrollment of one major and study mode. */
    public record MajorCount(String schoolCode, String studyMode, String majorCode, long count) {
    }

    private CounterSums() {
    }

    /** Actual enrollment of a province's intake year per city and class level. */
    public static List<Count> levelsByCity(String provinceCode, int year) {
        return counts("""
                SELECT city_code, class_level, SUM(count) FROM city_counter
                WHERE province_code = ? AND intake_year = ? GROUP BY city_code, class_level""", provinceCode, year);
    }

    /** Actual enrollment of a province's intake year per city and class level, summed from the schools' counters. */
    public static List<Count> schoolLevelsByCity(String provinceCode, int year) {
        return counts("""
                SELECT city_code, class_level, SUM(count) FROM school_counter
                WHERE intake_year = ? AND province_code = ? GROUP BY city_code, class_level""", year, provinceCode);
    }

    /** Actual enrollment of a city's intake year per school and class level. */
    public static List<Count> levelsBySchool(String provinceCode, int year, String cityCode) {
        return counts("""
                SELECT school_code, class_level, SUM(count) FROM school_counter
                WHERE province_code = ? AND intake_year = ? AND city_code = ?
                GROUP BY school_code, class_level""", provinceCode, year, cityCode);
    }

    /** Actual enrollment of a city's intake year per school, study mode and major. */
    public static List<MajorCount> majorsBySchool(String provinceCode, int year, String cityCode) {
        return PlainSql.list("""
                SELECT school_code, study_mode, major_code, count FROM school_major_counter
                WHERE province_code = ? AND intake_year = ? AND city_code = ?""",
                row -> new MajorCount(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)),
                provinceCode, year, cityCode);
    }

    /** New students of a province's intake year per city and month of enrolment, months with none left out, in order. */
    public static List<Count> monthsByCity(String provinceCode, int year) {
        return counts("""
                SELECT city_code, enrolled_month, SUM(count) FROM city_counter
                WHERE province_code = ? AND intake_year = ? GROUP BY city_code, enrolled_month
                HAVING SUM(count) <> 0 ORDER BY city_code, enrolled_month""", provinceCode, year);
    }

    /** Actual enrollment of a province (or one of its cities, when {@code cityCode} is not null) per intake year. */
    public static Map<Integer, Long> byIntakeYear(String provinceCode, int fromYear, int toYear, String cityCode) {
        List<Object> parameters = new ArrayList<>(List.of(provinceCode, fromYear, toYear));
        if (cityCode != null) {
            parameters.add(cityCode);
        }
        Map<Integer, Long> byYear = new HashMap<>();
        PlainSql.list("SELECT intake_year, SUM(count) FROM city_counter WHERE province_code = ?"
                + " AND intake_year BETWEEN ? AND ?" + (cityCode == null ? "" : " AND city_code = ?")
                + " GROUP BY intake_year", row -> Map.entry(row.getInt(1), row.getLong(2)), parameters.toArray())
                .forEach(sum -> byYear.put(sum.getKey(), sum.getValue()));
        return byYear;
    }

    /** Actual enrollment of an intake year per province. */
    public static Map<String, Long> byProvince(int year) {
        return sums("SELECT province_code, SUM(count) FROM city_counter WHERE intake_year = ? GROUP BY province_code", year);
    }

    /** Active enrollment of a province's intake year per city and {@link PriorityGroup}. */
    public static List<Count> priorityGroupsByCity(String provinceCode, int year) {
        return counts("""
                SELECT city_code, priority_group, SUM(count) FROM priority_group_counter
                WHERE province_code = ? AND intake_year = ? GROUP BY city_code, priority_group""", provinceCode, year);
    }

    /** Active enrollment of a city's intake year per school and {@link PriorityGroup}. */
    public static List<Count> priorityGroupsBySchool(String provinceCode, int year, String cityCode) {
        return counts("""
                SELECT school_code, priority_group, SUM(count) FROM priority_group_counter
                WHERE province_code = ? AND intake_year = ? AND city_code = ? GROUP BY school_code, priority_group""",
                provinceCode, year, cityCode);
    }

    /** ACTIVE 学籍 of a province's intake year per city. */
    public static Map<String, Long> registeredByCity(String provinceCode, int year) {
        return sums("""
                SELECT city_code, SUM(count) FROM registration_counter
                WHERE province_code = ? AND intake_year = ? GROUP BY city_code""", provinceCode, year);
    }

    /** ACTIVE 学籍 of a city's intake year per school. */
    public static Map<String, Long> registeredBySchool(String provinceCode, int year, String cityCode) {
        return sums("""
                SELECT school_code, SUM(count) FROM registration_counter
                WHERE province_code = ? AND intake_year = ? AND city_code = ? GROUP BY school_code""",
                provinceCode, year, cityCode);
    }

    private static List<Count> counts(String sql, Object... parameters) {
        return PlainSql.list(sql, row -> new Count(row.getString(1), row.getString(2), row.getLong(3)), parameters);
    }

    /** A two-column query (code, sum) as a map. */
    private static Map<String, Long> sums(String sql, Object... parameters) {
        Map<String, Long> sums = new HashMap<>();
        PlainSql.list(sql, row -> Map.entry(row.getString(1), row.getLong(2)), parameters)
                .forEach(sum -> sums.put(sum.getKey(), sum.getValue()));
        return sums;
    }
}
