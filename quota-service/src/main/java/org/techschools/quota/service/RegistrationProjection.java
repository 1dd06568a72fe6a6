package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.commons.events.RegistrationChanged;
import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.CounterWrites;
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

    @Inject
    EnrollmentCounters counters;

    @Inject
    PlanCompliance compliance;

    /**
     * A 学籍 was registered or changed state (退学, 转出, 休学, 复学, 毕业, 注销), or continued at a receiving school
     * (转入, TRANSFER_IN: its record moves there first).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(RegistrationChanged event) {
        EnrollmentFact.lock(List.of(event.enrollmentId()));
        EnrollmentFact fact = em.find(EnrollmentFact.class, event.enrollmentId());
        if (RegistrationChanged.TRANSFER_IN.equals(event.changeType())) {
            fact = transferred(fact, event);
        }
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
        Map<List<Object>, Integer> deltas = new HashMap<>();
        recount(state, fact, deltas);
        write(deltas);
    }

    /**
     * 转学: the record and every counter of actual enrollment it is in (GET /api/v1/progress, the dashboards) move to the
     * receiving school, and the plan cells it left and joined are compared with their plans again. A record not seen
     * yet (a replay reads the two topics at their own pace) is kept as an uncounted row at the receiving school, where
     * it counts when it arrives.
     */
    private EnrollmentFact transferred(EnrollmentFact fact, RegistrationChanged event) {
        if (fact == null) {
            fact = new EnrollmentFact();
            fact.enrollmentId = event.enrollmentId();
            fact.enrollingSchoolCode = event.fromSchoolCode();
            moveTo(fact, event);
            fact.persist();
            return fact;
        }
        if (event.schoolCode().equals(fact.schoolCode)) {
            return fact;
        }
        CounterKey left = fact.counterKey();
        EnrollmentCounters.Deltas deltas = new EnrollmentCounters.Deltas();
        if (fact.active) {
            deltas.count(fact, -1);
        }
        if (fact.enrollingSchoolCode == null) {
            fact.enrollingSchoolCode = fact.schoolCode;
        }
        moveTo(fact, event);
        if (fact.active) {
            deltas.count(fact, +1);
            counters.apply(deltas);
            compliance.check(List.of(), List.of(left, fact.counterKey()));
        }
        return fact;
    }

    private static void moveTo(EnrollmentFact fact, RegistrationChanged event) {
        fact.schoolCode = event.schoolCode();
        fact.provinceCode = event.provinceCode();
        fact.cityCode = event.cityCode();
    }

    /** Enrollment records arrived or were corrected: their 学籍 count under their (possibly new) city and year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enrollmentsChanged(Collection<EnrollmentFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Map<UUID, EnrollmentFact> byId = new HashMap<>();
        facts.forEach(fact -> byId.put(fact.enrollmentId, fact));
        EnrollmentFact.lock(byId.keySet());
        Map<List<Object>, Integer> deltas = new HashMap<>();
        for (RegistrationState state : RegistrationState.<RegistrationState>list("enrollmentId in ?1", byId.keySet())) {
            recount(state, byId.get(state.enrollmentId), deltas);
        }
        write(deltas);
    }

    /** Moves the 学籍 to the cell it belongs in now (none unless ACTIVE with a known record). */
    private void recount(RegistrationState state, EnrollmentFact fact, Map<List<Object>, Integer> deltas) {
        boolean counts = RegistrationState.ACTIVE.equals(state.status) && fact != null && fact.intakeYear != null;
        String province = counts ? fact.provinceCode : null;
        String city = counts ? fact.cityCode : null;
        Integer year = counts ? fact.intakeYear : null;
        if (Objects.equals(province, state.countedProvince) && Objects.equals(city, state.countedCity)
                && Objects.equals(year, state.countedYear)) {
            return;
        }
        if (state.countedYear != null) {
            deltas.merge(List.of(state.countedProvince, state.countedYear, state.countedCity, state.schoolCode), -1,
                    Integer::sum);
        }
        if (counts) {
            deltas.merge(List.of(province, year, city, state.schoolCode), +1, Integer::sum);
        }
        state.countedProvince = province;
        state.countedCity = city;
        state.countedYear = year;
    }

    private void write(Map<List<Object>, Integer> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.forEach((cell, delta) -> {
            if (delta != 0) {
                rows.add(new Object[] { cell.get(0), cell.get(1), cell.get(2), cell.get(3), delta });
            }
        });
        CounterWrites.addToRegistrationCounter(rows);
    }

}
