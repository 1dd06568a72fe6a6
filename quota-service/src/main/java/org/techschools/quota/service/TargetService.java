package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.commons.security.Regions;
import org.techschools.quota.domain.Region;
import org.techschools.quota.domain.School;
import org.techschools.quota.domain.Target;
import org.techschools.quota.domain.TargetCampaign;
import org.techschools.quota.domain.TargetListing;
import org.techschools.quota.domain.TargetListing.CampaignRow;
import org.techschools.quota.domain.TargetListing.Discrepancy;
import org.techschools.quota.domain.TargetListing.TargetRow;
import org.techschools.quota.domain.TargetScope;

/** 目标任务: the targets of a province, its cities and schools, and whether each level adds up to the one above. */
@ApplicationScoped
public class TargetService {

    /** Keys of a page's cursor: year, scope, scope code, class level ("" for all levels) — the table's unique key. */
    public static final int CURSOR_KEYS = 4;

    /** A school target's school, for its province and city (null when school-events have not named it yet). */
    private static final String FROM = " FROM target t LEFT JOIN school s ON t.scope = 'SCHOOL' AND s.code = t.scope_code";

    @Inject
    EntityManager em;

    /**
     * One page of targets in the order of their unique key (year, scope, code, class level), after {@code after}; the
     * campaigns and the discrepancies are those of the whole selection, on every page (one per target that has
     * children at most).
     *
     * @param year         the year, or null for every year
     * @param provinceCode the province, or null for every province (national view)
     * @param cityLimit    when not null, school targets are limited to this city's schools (a city office's view)
     */
    @Transactional
    public TargetListing list(Integer year, String provinceCode, String cityLimit, SortKeyCursor after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            where.append(" AND t.year = :year");
            params.put("year", year);
        }
        if (provinceCode != null) {
            where.append(" AND (t.scope = 'NATIONAL' OR (t.scope IN ('PROVINCE', 'CITY')")
                    .append(" AND substr(t.scope_code, 1, 2) || '0000' = :province)")
                    .append(" OR (t.scope = 'SCHOOL' AND s.province_code = :province))");
            params.put("province", provinceCode);
        }
        if (cityLimit != null) {
            where.append(" AND (t.scope <> 'SCHOOL' OR s.city_code = :city)");
            params.put("city", cityLimit);
        }
        if (after != null) {
            where.append(" AND (t.year, t.scope, t.scope_code, COALESCE(t.class_level, ''))")
                    .append(" > (:afterYear, CAST(:afterScope AS varchar), CAST(:afterCode AS varchar),")
                    .append(" CAST(:afterLevel AS varchar))");
            params.put("afterYear", cursorYear(after));
            params.put("afterScope", after.key(1));
            params.put("afterCode", after.key(2));
            params.put("afterLevel", after.key(3));
        }
        Query query = em.createNativeQuery("SELECT t.id" + FROM + where
                + " ORDER BY t.year, t.scope, t.scope_code, COALESCE(t.class_level, '')");
        params.forEach(query::setParameter);
        // One more than asked tells whether another page follows.
        query.setMaxResults(limit + 1);
        List<Long> ids = ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        boolean more = ids.size() > limit;
        List<Target> page = load(more ? ids.subList(0, limit) : ids);

        List<String> schoolCodes = page.stream().filter(t -> t.scope == TargetScope.SCHOOL).map(t -> t.scopeCode).distinct()
                .toList();
        Map<String, School> schools = new HashMap<>();
        if (!schoolCodes.isEmpty()) {
            School.<School>list("code in ?1", schoolCodes).forEach(s -> schools.put(s.code, s));
        }
        List<TargetRow> rows = new ArrayList<>();
        for (Target t : page) {
            rows.add(new TargetRow(t.year, t.scope.name(), t.scopeCode, nameOf(t, schools),
                    t.classLevel == null ? null : t.classLevel.name(), t.target, t.source));
        }
        Target last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? SortKeyCursor.of(Integer.toString(last.year), last.scope.name(), last.scopeCode,
                last.classLevel == null ? "" : last.classLevel.name()).encode() : null;

        List<CampaignRow> campaigns = new ArrayList<>();
        for (TargetCampaign c : TargetCampaign.<TargetCampaign>listAll()) {
            boolean inProvince = provinceCode == null || c.scope == TargetScope.NATIONAL
                    || provinceCode.equals(Regions.province(c.scopeCode));
            boolean coversYear = year == null || (c.fromYear <= year && year <= c.toYear);
            if (inProvince && coversYear && c.scope != TargetScope.SCHOOL) {
                campaigns.add(new CampaignRow(c.name, c.scope.name(), c.scopeCode, c.fromYear, c.toYear, c.target, c.source));
            }
        }
        campaigns.sort(Comparator.comparing(CampaignRow::scopeCode).thenComparing(CampaignRow::fromYear));
        return new TargetListing(year, provinceCode, rows, campaigns, discrepancies(year, provinceCode), next);
    }

    /** The year a cursor holds: 400 naming the cursor for one this service did not issue. */
    private static int cursorYear(SortKeyCursor after) {
        if (!after.key(0).matches("[0-9]{4}")) {
            throw ProblemException.badRequest(List.of(new FieldError("cursor", "cursor-format", "cursor is not one this service issued")));
        }
        return Integer.parseInt(after.key(0));
    }

    /** The targets of these ids, in this order. */
    private static List<Target> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Target> byId = Target.<Target>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /**
     * Each all-levels target whose children (one level below, over all class levels) do not sum to it, in the province
     * (every province and the national target when provinceCode is null), summed by the database. A target without
     * children has nothing to compare; a school target counts under its city once school-events named the school.
     */
    private List<Discrepancy> discrepancies(Integer year, String provinceCode) {
        String sql = """
                WITH children AS (
                    SELECT t.year, t.target,
                           CASE t.scope WHEN 'PROVINCE' THEN 'NATIONAL' WHEN 'CITY' THEN 'PROVINCE' ELSE 'CITY' END AS parent_scope,
                           CASE t.scope WHEN 'PROVINCE' THEN :national WHEN 'CITY' THEN substr(t.scope_code, 1, 2) || '0000'
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
                ORDER BY p.year, p.scope, p.scope_code""".formatted(year == null ? "" : "AND t.year = :year",
                provinceCode == null ? "" : "AND p.scope <> 'NATIONAL' AND substr(p.scope_code, 1, 2) || '0000' = :province");
        Query query = em.createNativeQuery(sql).setParameter("national", TargetImport.NATIONAL_CODE);
        if (year != null) {
            query.setParameter("year", year);
        }
        if (provinceCode != null) {
            query.setParameter("province", provinceCode);
        }
        List<?> found = query.getResultList();
        Map<Long, long[]> sums = new LinkedHashMap<>();
        for (Object row : found) {
            Object[] r = (Object[]) row;
            sums.put(((Number) r[0]).longValue(), new long[] { ((Number) r[1]).longValue(), ((Number) r[2]).longValue() });
        }
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Target parent : load(List.copyOf(sums.keySet()))) {
            long[] sum = sums.get(parent.id);
            TargetScope child = TargetScope.values()[parent.scope.ordinal() + 1];
            discrepancies.add(new Discrepancy(parent.year, parent.scope.name(), parent.scopeCode, nameOf(parent, Map.of()),
                    parent.target, child.name(), sum[0], (int) sum[1], sum[0] - parent.target));
        }
        return discrepancies;
    }

    private static String nameOf(Target t, Map<String, School> schools) {
        return switch (t.scope) {
            case NATIONAL -> "全国";
            case PROVINCE, CITY -> Region.nameOf(t.scopeCode);
            case SCHOOL -> schools.containsKey(t.scopeCode) ? schools.get(t.scopeCode).name : null;
        };
    }
}
