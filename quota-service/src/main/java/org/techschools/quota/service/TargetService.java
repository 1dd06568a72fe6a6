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

/** 目标任务: the targets of a province, its cities and schools, and whether the levels add up. */
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
        List<String> schoolCodes = all.stream().filter(t -> t.scope == TargetScope.SCHOOL).map(t -> t.scopeCode).toList();
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
        return new TargetListing(year, provinceCode, rows, campaigns, discrepancies(all, provinceCode));
    }

    /** Each (year, province) whose city targets over all levels do not sum to the province target. */
    private static List<Discrepancy> discrepancies(List<Target> all, String provinceCode) {
        Map<String, Target> provinceTargets = new TreeMap<>();
        Map<String, long[]> citySums = new HashMap<>(); // year|province -> {sum, count}
        for (Target t : all) {
            if (t.classLevel != null) {
                continue;
            }
            if (t.scope == TargetScope.PROVINCE) {
                provinceTargets.put(t.year + "|" + t.scopeCode, t);
            } else if (t.scope == TargetScope.CITY) {
                long[] sum = citySums.computeIfAbsent(t.year + "|" + Regions.province(t.scopeCode), k -> new long[2]);
                sum[0] += t.target;
                sum[1]++;
            }
        }
        List<Discrepancy> found = new ArrayList<>();
        provinceTargets.forEach((key, province) -> {
            long[] sum = citySums.get(key);
            if (sum == null || (provinceCode != null && !provinceCode.equals(province.scopeCode))) {
                return; // no city split yet: nothing to compare
            }
            if (sum[0] != province.target) {
                found.add(new Discrepancy(province.year, province.scopeCode, province.target, sum[0],
                        sum[0] - province.target, (int) sum[1]));
            }
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
