package org.techschools.registration.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

import org.techschools.commons.paging.NewestFirstPage;

/**
 * The alert list and its counts in SQL: the filter's conditions and the reader's scope over the alerts and the records
 * they name.
 */
public final class AlertQueries {

    /** Alert count per group (type, status, or the city or school of the records named), for the same filters as the listing. */
    public enum GroupBy {
        TYPE("a.type", ""),
        STATUS("a.status", ""),
        CITY("g.city_code", " JOIN alert_record g ON g.alert_id = a.id"),
        SCHOOL("g.school_code", " JOIN alert_record g ON g.alert_id = a.id");

        final String column;
        final String join;

        GroupBy(String column, String join) {
            this.column = column;
            this.join = join;
        }
    }

    public record Group(String key, long count, long open) {
    }

    /**
     * The reader's narrowest limit (at most one is set; none for national callers and national auditors): an alert is
     * listed when a record it names lies there.
     */
    public record Reader(String province, String city, String school) {

        boolean unlimited() {
            return province == null && city == null && school == null;
        }
    }

    private AlertQueries() {
    }

    /** One page of alert ids, newest first, after the filter's cursor. */
    public static NewestFirstPage page(AlertFilter filter, Reader reader) {
        Map<String, Object> params = new LinkedHashMap<>();
        return NewestFirstPage.of(Alert.getEntityManager(), "alert", where(filter, reader, params), params, filter.after(),
                filter.limit());
    }

    /**
     * Counts per group; an alert naming records in two cities counts once in each (and once in the total).
     * Within a city or school grouping, only the reader's records form groups.
     */
    @SuppressWarnings("unchecked")
    public static List<Group> counts(AlertFilter filter, Reader reader, GroupBy groupBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        // Without a join each alert is one row, and COUNT(*) spares the sort that DISTINCT costs (a third of the time).
        String count = groupBy.join.isEmpty() ? "COUNT(*)" : "COUNT(DISTINCT a.id)";
        StringBuilder sql = new StringBuilder("SELECT ").append(groupBy.column).append(", ").append(count).append(", ")
                .append(count).append(" FILTER (WHERE a.status IN ('OPEN', 'INVESTIGATING'))")
                .append(" FROM alert a").append(groupBy.join).append(" WHERE ").append(where(filter, reader, params));
        if (!groupBy.join.isEmpty()) {
            // The group's record itself must be visible: a school does not see counts for the other school of a pair.
            if (reader.province() != null) {
                sql.append(" AND g.province_code = :gProvince");
                params.put("gProvince", reader.province());
            }
            if (reader.city() != null) {
                sql.append(" AND g.city_code = :gCity");
                params.put("gCity", reader.city());
            }
            if (reader.school() != null) {
                sql.append(" AND g.school_code = :gSchool");
                params.put("gSchool", reader.school());
            }
        }
        sql.append(" GROUP BY 1 ORDER BY 2 DESC, 1");
        Query query = Alert.getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Group((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The filter's conditions and the reader's limit, as SQL over alias {@code a}; parameters go to {@code params}. */
    private static String where(AlertFilter filter, Reader reader, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("TRUE");
        condition(sql, params, "a.type = :type", "type", filter.type() == null ? null : filter.type().name());
        condition(sql, params, "a.status = :status", "status", filter.status() == null ? null : filter.status().name());
        condition(sql, params, "a.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name());
        condition(sql, params, "a.raised_at >= :from", "from", filter.from());
        condition(sql, params, "a.raised_at < :to", "to", filter.to());
        namesRecordWhere(sql, params, "vis", reader.province(), reader.city(), reader.school(), null);
        // The filters match only records the reader sees in full: asking for a school on the other side of an unshared
        // alert must not tell which school that is.
        namesRecordWhere(sql, params, "flt", filter.province(), filter.city(), filter.school(), reader);
        return sql.toString();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.put(name, value);
        }
    }

    /**
     * The alert names at least one record in this province / city / school (each optional); with {@code seenBy}, a
     * record that reader sees in full (in its scope, whose parameters the "vis" condition bound, or the alert shared).
     */
    private static void namesRecordWhere(StringBuilder sql, Map<String, Object> params, String alias, String province,
            String city, String school, Reader seenBy) {
        if (province == null && city == null && school == null) {
            return;
        }
        sql.append(" AND EXISTS (SELECT 1 FROM alert_record ").append(alias).append(" WHERE ").append(alias)
                .append(".alert_id = a.id");
        scopeOf(sql, alias, alias, province, city, school);
        putScope(params, alias, province, city, school);
        if (seenBy != null && !seenBy.unlimited()) {
            sql.append(" AND (a.shared_at IS NOT NULL OR (TRUE");
            scopeOf(sql, alias, "vis", seenBy.province(), seenBy.city(), seenBy.school());
            sql.append("))");
        }
        sql.append(")");
    }

    /** Conditions that record {@code alias} lies in this province / city / school, bound to parameters named after {@code names}. */
    private static void scopeOf(StringBuilder sql, String alias, String names, String province, String city, String school) {
        if (province != null) {
            sql.append(" AND ").append(alias).append(".province_code = :").append(names).append("Province");
        }
        if (city != null) {
            sql.append(" AND ").append(alias).append(".city_code = :").append(names).append("City");
        }
        if (school != null) {
            sql.append(" AND ").append(alias).append(".school_code = :").append(names).append("School");
        }
    }

    private static void putScope(Map<String, Object> params, String names, String province, String city, String school) {
        if (province != null) {
            params.put(names + "Province", province);
        }
        if (city != null) {
            params.put(names + "City", city);
        }
        if (school != null) {
            params.put(names + "School", school);
        }
    }
}
