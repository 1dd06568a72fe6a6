package org.techschools.quota.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.techschools.commons.persistence.PlainSql;

/** The cities that owe a 年度总结, which of them have not filed, and the once-per-city reminder of an overdue one. */
public final class AnnualSummaryQueries {

    /**
     * The cities that owe a summary: those of the shipped division list (region) and any other a school of the directory
     * is in, so a province whose cities are not listed still has its schools' cities.
     */
    private static final String CITIES = """
            (SELECT code AS city_code, name, parent_code AS province_code FROM region WHERE parent_code IS NOT NULL
             UNION SELECT DISTINCT city_code, CAST(NULL AS varchar), province_code FROM school
                   WHERE city_code NOT IN (SELECT code FROM region)) c""";

    /** Of {@link #CITIES}: those without a filing of the year (the first parameter). */
    private static final String UNFILED =
            " WHERE NOT EXISTS (SELECT 1 FROM annual_summary_filing f WHERE f.year = ? AND f.city_code = c.city_code)";

    /** A city that owes a summary; its name is null when the division list does not have it. */
    public record City(String code, String name, String provinceCode) {
    }

    private AnnualSummaryQueries() {
    }

    /** The city, null when no listed division or school names it. */
    public static City city(String cityCode) {
        return cities("c.city_code = ?", cityCode).stream().findFirst().orElse(null);
    }

    /** The cities of a province, by code. */
    public static List<City> citiesOf(String provinceCode) {
        return cities("c.province_code = ?", provinceCode);
    }

    /** The cities without a filing of the year, of one province or, when {@code provinceCode} is null, all; by code. */
    public static List<City> unfiled(int year, String provinceCode) {
        List<Object> parameters = new ArrayList<>(List.of(year));
        if (provinceCode != null) {
            parameters.add(provinceCode);
        }
        return PlainSql.list("SELECT c.city_code, c.name, c.province_code FROM " + CITIES + UNFILED
                + (provinceCode == null ? "" : " AND c.province_code = ?") + " ORDER BY c.city_code", AnnualSummaryQueries::city,
                parameters.toArray());
    }

    /**
     * Records a reminder for each city without a filing of the year that has none yet; the row's key keeps a second
     * instance or a second run from recording it again.
     *
     * @return the cities reminded now
     */
    public static List<City> remindUnfiled(int year, LocalDate dueOn, Instant now) {
        return PlainSql.list("INSERT INTO annual_summary_reminder (year, city_code, province_code, due_on, sent_at)"
                + " SELECT ?, c.city_code, c.province_code, ?, ? FROM " + CITIES + UNFILED
                + " ON CONFLICT DO NOTHING RETURNING city_code, (SELECT name FROM region WHERE code = city_code), province_code",
                AnnualSummaryQueries::city, year, dueOn, now.atOffset(ZoneOffset.UTC), year);
    }

    /** Serialises a city's filings of a year until the transaction ends, so two at once cannot both be the current one. */
    public static void lockFilings(int year, String cityCode) {
        PlainSql.list("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l", row -> row.getInt(1),
                "annual-summary-filing:" + year + ":" + cityCode);
    }

    private static List<City> cities(String condition, String code) {
        return PlainSql.list("SELECT c.city_code, c.name, c.province_code FROM " + CITIES + " WHERE " + condition
                + " ORDER BY c.city_code", AnnualSummaryQueries::city, code);
    }

    private static City city(ResultSet row) throws SQLException {
        return new City(row.getString(1), row.getString(2), row.getString(3));
    }
}
