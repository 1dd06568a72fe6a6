package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.CounterSums;
import org.techschools.quota.domain.NationalProgress;
import org.techschools.quota.domain.Percentages;
import org.techschools.quota.domain.Region;
import org.techschools.quota.domain.Target;
import org.techschools.quota.domain.TargetScope;

/** 全国进展: the national centre's view of each province with a target for the year, target against actual. */
@ApplicationScoped
public class NationalProgressService {

    @Transactional
    public NationalProgress national(int year) {
        Map<String, Long> actual = CounterSums.byProvince(year);
        List<NationalProgress.Province> provinces = new ArrayList<>();
        // A province's own target of all levels: level targets are parts of it, city targets its breakdown.
        for (Target t : Target.<Target>list("year = ?1 and scope = ?2 and classLevel is null order by scopeCode", year,
                TargetScope.PROVINCE)) {
            long done = actual.getOrDefault(t.scopeCode, 0L);
            provinces.add(new NationalProgress.Province(t.scopeCode, Region.nameOf(t.scopeCode), t.target, done,
                    Percentages.of(done, t.target)));
        }
        long target = provinces.stream().mapToLong(NationalProgress.Province::target).sum();
        long done = provinces.stream().mapToLong(NationalProgress.Province::actual).sum();
        return new NationalProgress(year, target, done, Percentages.of(done, target), provinces);
    }
}
