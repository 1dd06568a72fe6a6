package org.techschools.quota.domain;

import java.util.ArrayList;
import java.util.List;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.persistence.PlainSql;

/**
 * The {@code target} table's statements that Panache cannot say: the import's upsert, the listing's keyset page and
 * the sums of each level's children (discrepancies).
 */
public final class TargetQueries {

    /** A school target's school, for its province and city (null when school-events have not named it yet). */
    private static final String FROM = " FROM target t LEFT JOIN school s ON t.scope = 'SCHOOL' AND s.code = t.scope_code";

    /** What an upsert did. */
    public enum Upsert {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * The unique key of a target, to page after.
     *
     * @param classLevel "" for all levels
     */
    public record Key(int year, String scope, String scopeCode, String classLevel) {
    }

    /** The targets one level below a target, over all class levels, summed. */
    public record ChildSum(long parentId, long childSum, int childCount) {
    }

    private TargetQueries() {
    }

    /** Inserts the target, or updates it on (year, scope, code, class level) when its figure or source differ. */
    public static Upsert upsert(int year, TargetScope scope, String code, ClassLevel classLevel, int target,
            String source) {
        // RETURNING only for inserted or changed rows: an identical row is skipped by the WHERE of DO UPDATE.
        List<Boolean> inserted = PlainSql.list("""
                INSERT INTO target (year, scope, scope_code, class_level, target, source)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (year, scope, scope_code, (COALESCE(class_level, ''))) DO UPDATE
                SET target = EXCLUDED.target, source = COALESCE(EXCLUDED.source, target.source)
                WHERE target.target <> EXCLUDED.target
                   OR target.source IS DISTINCT FROM COALESCE(EXCLUDED.source, target.source)
                RETURNING (xmax = 0)""", row -> row.getBoolean(1), year, scope.name(), code,
                classLevel == null ? null : classLevel.name(), target, source);
        if (inserted.isEmpty()) {
            return Upsert.UNCHANGED;
        }
        return inserted.get(0) ? Upsert.CREATED : Upsert.UPDATED;
    }

    /**
     * The ids of at most {@code limit} targets in the order of their unique key, after {@code after} (null: from the
     * first); one more when another page follows.
     *
     * @param year         the year, or null for every year
     * @param provinceCode the province, or null for every province
     * @param cityLimit    when not null, school targets are limited to this city's schools
     */
    public static List<Long> page(Integer year, String provinceCode, String cityLimit, Key after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (year != null) {
            where.append(" AND t.year = ?");
            params.add(year);
        }
        if (provinceCode != null) {
            where.append(" AND (t.scope = 'NATIONAL' OR (t.scope IN ('PROVINCE', 'CITY')")
                    .append(" AND substr(t.scope_code, 1, 2) || '0000' = ?)")
                    .append(" OR (t.scope = 'SCHOOL' AND s.province_code = ?))");
            params.add(provinceCode);
            params.add(provinceCode);
        }
        if (cityLimit != null) {
            where.append(" AND (t.scope <> 'SCHOOL' OR s.city_code = ?)");
            params.add(cityLimit);
        }
        if (after != null) {
            where.append(" AND (t.year, t.scope, t.scope_code, COALESCE(t.class_level, ''))")
                    .append(" > (?, CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar))");
            params.addAll(List.of(after.year(), after.scope(), after.scopeCode(), after.classLevel()));
        }
        params.add(limit + 1);
        return PlainSql.list("SELECT t.id" + FROM + where
                + " ORDER BY t.year, t.scope, t.scope_code, COALESCE(t.class_level, '') LIMIT ?",
                row -> row.getLong(1), params.toArray());
    }

    /**
     * Each all-levels target whose children (one level below, over all class levels) do not sum to it, in the province
     * (every province and the national target when provinceCode is null), summed by the database. A target without
     * children has nothing to compare; a school target counts under its city once school-events named the school.
     */
    public static List<ChildSum> discrepancies(Integer year, String provinceCode) {
        String sql = """
                WITH children AS (
                    SELECT t.year, t.target,
                           CASE t.scope WHEN 'PROVINCE' THEN 'NATIONAL' WHEN 'CITY' THEN 'PROVINCE' ELSE 'CITY' END AS parent_scope,
                           CASE t.scope WHEN 'PROVINCE' THEN CAST(? AS varchar) WHEN 'CITY' THEN substr(t.scope_code, 1, 2) || '0000'
                                ELSE s.city_code END AS parent_code
                    FROM target t LEFT JOIN school s ON t.scope = 'SCHOOL' AND s.code = t.scope_code
                    WHERE t.class_level IS NULL AND t.scope <> 'NATIONAL' %s
                ), sums AS (
                    SELECT year, parent_scope, parent_code, sum(target) AS child_sum, count(*) AS child_count
                    FROM children WHERE parent_code IS NOT NULL GROUP BY year, parent_scope, parent_code
                )
                SELECT p.id, x.child_sum, x.child_count
                FROM target p JOIN sums x ON x.year = p.year AND x.parent_scope = p.scope AND x.parent_code = p.scope_code
                WHERE p.class_level IS NULL AND x.child_sum <> p.target %s
                ORDER BY p.year, p.scope, p.scope_code""".formatted(year == null ? "" : "AND t.year = ?",
                provinceCode == null ? "" : "AND p.scope <> 'NATIONAL' AND substr(p.scope_code, 1, 2) || '0000' = ?");
        List<Object> params = new ArrayList<>(List.of(TargetScope.NATIONAL_CODE));
        if (year != null) {
            params.add(year);
        }
        if (provinceCode != null) {
            params.add(provinceCode);
        }
        return PlainSql.list(sql, row -> new ChildSum(row.getLong(1), row.getLong(2), row.getInt(3)), params.toArray());
    }
}
