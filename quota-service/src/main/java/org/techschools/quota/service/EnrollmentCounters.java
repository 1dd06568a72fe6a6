package org.techschools.quota.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.quota.domain.CounterKey;

/** 实际招生数: the {@code enrollment_counter} cells, moved by deltas inside the transaction that applies an event. */
@ApplicationScoped
public class EnrollmentCounters {

    @Inject
    EntityManager em;

    /** Adds {@code delta} (+1 or −1) to the cell of these dimensions, creating it at need. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(CounterKey key, int delta) {
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
    }
}
