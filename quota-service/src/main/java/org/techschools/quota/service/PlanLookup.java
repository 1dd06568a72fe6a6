package org.techschools.quota.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.techschools.quota.domain.EnrollmentPlan;
import org.techschools.quota.domain.PlanStatus;

/** Queries on plans shared by the plan workflow, the compliance checks and the dashboards. */
@ApplicationScoped
public class PlanLookup {

    @Inject
    EntityManager em;

    /**
     * The plans that bind (issued or filed) among those of the given schools and years, by {@code List.of(schoolCode,
     * year)}; a school and year with no plan, or only a draft, is absent. One query for a whole batch of records.
     */
    public Map<List<Object>, EnrollmentPlan> binding(Collection<String> schoolCodes, Collection<Integer> years) {
        Map<List<Object>, EnrollmentPlan> plans = new HashMap<>();
        if (schoolCodes.isEmpty() || years.isEmpty()) {
            return plans;
        }
        for (EnrollmentPlan plan : EnrollmentPlan.<EnrollmentPlan>list("schoolCode in ?1 and year in ?2", schoolCodes, years)) {
            if (plan.status.binding()) {
                plans.put(List.of(plan.schoolCode, plan.year), plan);
            }
        }
        return plans;
    }

    /** Students the plan allows for a major and class level, over both study modes. */
    public long planned(UUID planId, String majorCode, String classLevel) {
        Number sum = (Number) em.createNativeQuery("""
                SELECT COALESCE(SUM(count), 0) FROM plan_line WHERE plan_id = ?1 AND major_code = ?2 AND class_level = ?3""")
                .setParameter(1, planId).setParameter(2, majorCode).setParameter(3, classLevel)
                .getSingleResult();
        return sum.longValue();
    }

    /** Planned students of issued and filed plans of a province's year, per city. */
    public Map<String, Long> plannedByCity(int year, String provinceCode) {
        return planned("p.city_code", "", year, provinceCode, null);
    }

    /** Planned students of issued and filed plans of a city's year, per school. */
    public Map<String, Long> plannedBySchool(int year, String provinceCode, String cityCode) {
        return planned("p.school_code", " AND p.city_code = ?5", year, provinceCode, cityCode);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> planned(String by, String cityCondition, int year, String provinceCode, String cityCode) {
        var query = em.createNativeQuery("SELECT " + by + ", SUM(l.count) FROM enrollment_plan p"
                + " JOIN plan_line l ON l.plan_id = p.id WHERE p.year = ?1 AND p.province_code = ?2 AND p.status IN (?3, ?4)"
                + cityCondition + " GROUP BY " + by)
                .setParameter(1, year).setParameter(2, provinceCode)
                .setParameter(3, PlanStatus.ISSUED.name()).setParameter(4, PlanStatus.FILED.name());
        if (cityCode != null) {
            query.setParameter(5, cityCode);
        }
        Map<String, Long> sums = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            sums.put((String) row[0], ((Number) row[1]).longValue());
        }
        return sums;
    }
}
