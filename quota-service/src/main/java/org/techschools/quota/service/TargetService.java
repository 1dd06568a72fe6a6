package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

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

    /**
     * @param year         the year, or null for every year
     * @param provinceCode the province, or null for every province (national view)
     * @param cityLimit    when not null, school targets are limited to this city's schools (a city office's view)
     */
    @Transactional
    public TargetListing list(Integer year, String provinceCode, String cityLimit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (year != null) {
            where.append(" and year = :year");
            parameters.and("year", year);
        }
        List<Target> all = Target.list(where + " order by year, scope, scopeCode, classLevel nulls first", parameters);
        List<String> schoolCodes = all.stream().filter(t -> t.scope == TargetScope.SCHOOL).map(t -> t.scopeCode).distinct()
                .toList();
        Map<String, School> schools = new HashMap<>();
        if (!schoolCodes.isEmpty()) {
            School.<School>list("code in ?1", schoolCodes).forEach(s -> schools.put(s.code, s));
        }

        List<TargetRow> rows = new ArrayList<>();
        for (Target t : all) {
            String province = provinceOf(t, schools);
            if (provinceCode != null && !provinceCode.equals(province) && t.scope != TargetScope.NATIONAL) {
                continue;
            }
            if (cityLimit != null && t.scope == TargetScope.SCHOOL) {
                School school = schools.get(t.scopeCode);
                if (school == null || !cityLimit.equals(school.cityCode)) {
                    continue;
                }
            }
            rows.add(new TargetRow(t.year, t.scope.name(), t.scopeCode, nameOf(t, schools),
                    t.classLevel == null ? null : t.classLevel.name(), t.target, t.source));
        }

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
        return new TargetListing(year, provinceCode, rows, campaigns, discrepancies(all, schools, provinceCode));
    }

    /**
     * Each target whose children (one level below, over all class levels) do not sum to it, in the province (every
     * province and the national target when provinceCode is null). A target without children has nothing to compare.
     */
    private static List<Discrepancy> discrepancies(List<Target> all, Map<String, School> schools, String provinceCode) {
        Map<String, Target> parents = new TreeMap<>();
        Map<String, long[]> childSums = new HashMap<>(); // year|scope|code of the parent -> {sum, count}
        for (Target t : all) {
            if (t.classLevel != null) {
                continue;
            }
            parents.put(t.year + "|" + t.scope + "|" + t.scopeCode, t);
            String parent = switch (t.scope) {
                case NATIONAL -> null;
                case PROVINCE -> TargetScope.NATIONAL + "|" + TargetImport.NATIONAL_CODE;
                case CITY -> TargetScope.PROVINCE + "|" + Regions.province(t.scopeCode);
                case SCHOOL -> schools.containsKey(t.scopeCode)
                        ? TargetScope.CITY + "|" + schools.get(t.scopeCode).cityCode : null;
            };
            if (parent != null) {
                long[] sum = childSums.computeIfAbsent(t.year + "|" + parent, k -> new long[2]);
                sum[0] += t.target;
                sum[1]++;
            }
        }
        List<Discrepancy> found = new ArrayList<>();
        parents.forEach((key, parent) -> {
            long[] sum = childSums.get(key);
            String province = provinceOf(parent, schools);
            if (sum == null || sum[0] == parent.target
                    || (provinceCode != null && (province == null || !provinceCode.equals(province)))) {
                return;
            }
            TargetScope child = TargetScope.values()[parent.scope.ordinal() + 1];
            found.add(new Discrepancy(parent.year, parent.scope.name(), parent.scopeCode, nameOf(parent, schools),
                    parent.target, child.name(), sum[0], (int) sum[1], sum[0] - parent.target));
        });
        return found;
    }

    private static String provinceOf(Target t, Map<String, School> schools) {
        return switch (t.scope) {
            case NATIONAL -> null;
            case PROVINCE, CITY -> Regions.province(t.scopeCode);
            case SCHOOL -> schools.containsKey(t.scopeCode) ? schools.get(t.scopeCode).provinceCode : null;
        };
    }

    private static String nameOf(Target t, Map<String, School> schools) {
        return switch (t.scope) {
            case NATIONAL -> "全国";
            case PROVINCE, CITY -> Region.nameOf(t.scopeCode);
            case SCHOOL -> schools.containsKey(t.scopeCode) ? schools.get(t.scopeCode).name : null;
        };
    }
}
