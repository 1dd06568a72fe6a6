package org.techschools.quota.service;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.commons.events.RegistrationChanged;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.RegistrationState;

/**
 * 在籍学生数: ACTIVE 学籍 per school and intake year, from {@code registration-events}. A 学籍 names its enrollment
 * record; the record (from {@code enrollment-events}, a different topic) gives the city and intake year it counts
 * under, and may arrive before or after the 学籍. Whichever comes second counts it: both paths take the same
 * transaction-scoped advisory lock on the enrollment id, so neither can miss the other's uncommitted row.
 */
@ApplicationScoped
public class RegistrationProjection {

    @Inject
    EntityManager em;

    /** A 学籍 was registered or changed state (退学, 转出, 休学, 复学, 毕业, 注销). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(RegistrationChanged event) {
        lock(event.enrollmentId());
        RegistrationState state = RegistrationState.findById(event.registrationId());
        if (state == null) {
            state = new RegistrationState();
            state.registrationId = event.registrationId();
            state.enrollmentId = event.enrollmentId();
            state.schoolCode = event.schoolCode();
        }
        state.status = event.status();
        state.changeType = event.changeType();
        state.effectiveOn = event.effectiveOn();
        state.persist();
        recount(state, em.find(EnrollmentFact.class, event.enrollmentId()));
    }

    /** The enrollment record arrived or was corrected: its 学籍 count under its (possibly new) city and year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enrollmentChanged(EnrollmentFact fact) {
        lock(fact.enrollmentId);
        for (RegistrationState state : RegistrationState.ofEnrollment(fact.enrollmentId)) {
            recount(state, fact);
        }
    }

    /** Moves the 学籍 to the cell it belongs in now (none unless ACTIVE with a known record). */
    private void recount(RegistrationState state, EnrollmentFact fact) {
        boolean counts = RegistrationState.ACTIVE.equals(state.status) && fact != null && fact.intakeYear != null;
        String province = counts ? fact.provinceCode : null;
        String city = counts ? fact.cityCode : null;
        Integer year = counts ? fact.intakeYear : null;
        if (Objects.equals(province, state.countedProvince) && Objects.equals(city, state.countedCity)
                && Objects.equals(year, state.countedYear)) {
            return;
        }
        if (state.countedYear != null) {
            add(state.countedProvince, state.countedYear, state.countedCity, state.schoolCode, -1);
        }
        if (counts) {
            add(province, year, city, state.schoolCode, +1);
        }
        state.countedProvince = province;
        state.countedCity = city;
        state.countedYear = year;
    }

    private void add(String province, int year, String city, String school, int delta) {
        em.createNativeQuery("""
                INSERT INTO registration_counter (province_code, intake_year, city_code, school_code, count)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (province_code, intake_year, city_code, school_code)
                DO UPDATE SET count = registration_counter.count + EXCLUDED.count""")
                .setParameter(1, province).setParameter(2, year).setParameter(3, city).setParameter(4, school)
                .setParameter(5, delta)
                .executeUpdate();
    }

    private void lock(UUID enrollmentId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)")
                .setParameter(1, enrollmentId.getMostSignificantBits() ^ enrollmentId.getLeastSignificantBits())
                .getSingleResult();
    }
}
