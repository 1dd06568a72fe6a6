package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.NationalProgress;
import org.techschools.quota.domain.Percentages;
import org.techschools.quota.domain.Region;

/** 全国进展: the national centre's view of each province with a target for the year, target against actual. */
@ApplicationScoped
public class NationalProgressService {

    @Inject
    EntityManager em;

    @Transactional
    @SuppressWarnings("unchecked")
    public NationalProgress national(int year) {
        Map<String, Long> actual = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT province_code, SUM(count) FROM city_counter WHERE intake_year = ?1 GROUP BY province_code")
                .setParameter(1, year).getResultList()) {
            actual.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<NationalProgress.Province> provinces = new ArrayList<>();
        // A province's own target of all levels: level targets are parts of it, city targets its breakdown.
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT scope_code, target FROM target
                WHERE year = ?1 AND scope = 'PROVINCE' AND class_level IS NULL ORDER BY scope_code""")
                .setParameter(1, year).getResultList()) {
            String code = (String) r[0];
            long target = ((Number) r[1]).longValue();
            long done = actual.getOrDefault(code, 0L);
            provinces.add(new NationalProgress.Province(code, Region.nameOf(code), target, done, Percentages.of(done, target)));
        }
        long target = provinces.stream().mapToLong(NationalProgress.Province::target).sum();
        long done = provinces.stream().mapToLong(NationalProgress.Province::actual).sum();
        return new NationalProgress(year, target, done, Percentages.of(done, target), provinces);
    }
}
