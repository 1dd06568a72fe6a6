package org.techschools.quota.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.PriorityGroup;

/**
 * 实际招生数: the {@code enrollment_counter} cells and the rollups the dashboards read ({@code school_counter},
 * {@code priority_group_counter}), moved by deltas inside the transaction that applies an event.
 */
@ApplicationScoped
public class EnrollmentCounters {

    @Inject
    EntityManager em;

    /** Adds {@code delta} (+1 or −1) for the record in its current state to every counter it falls in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(EnrollmentFact fact, int delta) {
        CounterKey key = fact.counterKey();
        em.createNativeQuery("""
                INSERT INTO enrollment_counter (school_code, province_code, city_code, major_code, class_level, study_mode,
                    intake_year, intake_season, enrolled_month, count)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (school_code, province_code, city_code, major_code, class_level, study_mode, intake_year,
                    intake_season, enrolled_month)
                DO UPDATE SET count = enrollment_counter.count + EXCLUDED.count""")
                .setParameter(1, key.schoolCode())
                .setParameter(2, key.provinceCode())
                .setParameter(3, key.cityCode())
                .setParameter(4, key.majorCode())
                .setParameter(5, key.classLevel())
                .setParameter(6, key.studyMode())
                .setParameter(7, key.intakeYear())
                .setParameter(8, key.intakeSeason())
                .setParameter(9, key.enrolledMonth())
                .setParameter(10, delta)
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO school_counter (province_code, intake_year, city_code, school_code, enrolled_month, class_level,
                    count)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (province_code, intake_year, city_code, school_code, enrolled_month, class_level)
                DO UPDATE SET count = school_counter.count + EXCLUDED.count""")
                .setParameter(1, key.provinceCode())
                .setParameter(2, key.intakeYear())
                .setParameter(3, key.cityCode())
                .setParameter(4, key.schoolCode())
                .setParameter(5, key.enrolledMonth())
                .setParameter(6, key.classLevel())
                .setParameter(7, delta)
                .executeUpdate();
        for (PriorityGroup group : PriorityGroup.of(fact.sourceCategory, fact.priorityFlags)) {
            em.createNativeQuery("""
                    INSERT INTO priority_group_counter (province_code, intake_year, city_code, school_code, priority_group,
                        count)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (province_code, intake_year, city_code, school_code, priority_group)
                    DO UPDATE SET count = priority_group_counter.count + EXCLUDED.count""")
                    .setParameter(1, key.provinceCode())
                    .setParameter(2, key.intakeYear())
                    .setParameter(3, key.cityCode())
                    .setParameter(4, key.schoolCode())
                    .setParameter(5, group.name())
                    .setParameter(6, delta)
                    .executeUpdate();
        }
    }
}
