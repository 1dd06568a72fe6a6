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
import org.techschools.quota.domain.TargetQueries;
import org.techschools.quota.domain.TargetScope;

/** 目标任务: the targets of a province, its cities and schools, and whether each level adds up to the one above. */
@ApplicationScoped
public class TargetService {

    /** Keys of a page's cursor: year, scope, scope code, class level ("" for all levels) — the table's unique key. */
    public static final int CURSOR_KEYS = 4;

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
        TargetQueries.Key afterKey = after == null ? null
                : new TargetQueries.Key(cursorYear(after), after.key(1), after.key(2), after.key(3));
        List<Long> ids = TargetQueries.page(year, provinceCode, cityLimit, afterKey, limit);
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

    /** Each all-levels target whose children do not sum to it (see {@link TargetQueries#discrepancies}), named. */
    private static List<Discrepancy> discrepancies(Integer year, String provinceCode) {
        Map<Long, TargetQueries.ChildSum> sums = new LinkedHashMap<>();
        TargetQueries.discrepancies(year, provinceCode).forEach(sum -> sums.put(sum.parentId(), sum));
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Target parent : load(List.copyOf(sums.keySet()))) {
            TargetQueries.ChildSum sum = sums.get(parent.id);
            TargetScope child = TargetScope.values()[parent.scope.ordinal() + 1];
            discrepancies.add(new Discrepancy(parent.year, parent.scope.name(), parent.scopeCode, nameOf(parent, Map.of()),
                    parent.target, child.name(), sum.childSum(), sum.childCount(), sum.childSum() - parent.target));
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
