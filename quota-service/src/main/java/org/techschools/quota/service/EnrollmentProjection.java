package org.techschools.quota.service;

import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;

/**
 * Keeps {@code enrollment_fact} and the counters of actual enrollment in step with {@code enrollment-events}.
 * Versions make it exact under redelivery and reordering: an event whose version is not newer than the stored
 * state changes nothing, a correction moves the record from its old counter cell to its new one, a withdrawal
 * takes it out once.
 */
@ApplicationScoped
public class EnrollmentProjection {

    private static final Logger LOG = Logger.getLogger(EnrollmentProjection.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    @Inject
    EntityManager em;

    @Inject
    EnrollmentCounters counters;

    @Inject
    PlanCompliance compliance;

    @Inject
    RegistrationProjection registrations;

    /** EnrollmentRecorded / EnrollmentCorrected: the whole current state of the record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(EnrollmentRecorded event) {
        EnrollmentFact fact = em.find(EnrollmentFact.class, event.enrollmentId(), LockModeType.PESSIMISTIC_WRITE);
        if (fact != null && event.version() <= fact.version) {
            LOG.debugf("enrollment %s v%d already at v%d; ignored", event.enrollmentId(), event.version(), fact.version);
            return;
        }
        CounterKey before = null;
        if (fact == null) {
            fact = new EnrollmentFact();
            fact.enrollmentId = event.enrollmentId();
        } else if (fact.active) {
            before = fact.counterKey();
            counters.count(fact, -1);
        }
        fact.version = event.version();
        fact.schoolCode = event.schoolCode();
        fact.sourceRecordId = event.sourceRecordId();
        fact.schoolType = event.schoolType() == null ? null : event.schoolType().name();
        fact.schoolProvincial = event.schoolProvincial();
        fact.provinceCode = event.schoolProvinceCode();
        fact.cityCode = event.schoolCityCode();
        fact.majorCode = event.majorCode();
        fact.classLevel = event.classLevel().name();
        fact.studyMode = event.studyMode().name();
        fact.intakeYear = event.intakeYear();
        fact.intakeSeason = event.intakeSeason().name();
        fact.enrolledMonth = event.enrolledOn().format(MONTH);
        fact.sourceCategory = event.sourceCategory();
        fact.priorityFlags = join(event.priorityFlags());
        fact.originRegion = event.originRegion();
        fact.active = true;
        fact.persist();
        counters.count(fact, +1);
        registrations.enrollmentChanged(fact);
        compliance.check(fact);
        if (before != null && !sameCell(before, fact.counterKey())) {
            compliance.recount(before);
        }
    }

    /** EnrollmentWithdrawn: the record no longer counts (it is kept, inactive). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(EnrollmentWithdrawn event) {
        EnrollmentFact fact = em.find(EnrollmentFact.class, event.enrollmentId(), LockModeType.PESSIMISTIC_WRITE);
        if (fact == null) {
            // Withdrawal seen before the record: remember the version so the older record is not counted later.
            fact = new EnrollmentFact();
            fact.enrollmentId = event.enrollmentId();
            fact.schoolCode = event.schoolCode();
            fact.version = event.version();
            fact.active = false;
            fact.persist();
            return;
        }
        if (event.version() < fact.version || !fact.active) {
            fact.version = Math.max(fact.version, event.version());
            return;
        }
        counters.count(fact, -1);
        fact.version = event.version();
        fact.active = false;
        compliance.recount(fact.counterKey());
    }

    /** Same school, year, major and level: the cell a plan line covers. */
    private static boolean sameCell(CounterKey a, CounterKey b) {
        return a.schoolCode().equals(b.schoolCode()) && a.intakeYear().equals(b.intakeYear())
                && a.majorCode().equals(b.majorCode()) && a.classLevel().equals(b.classLevel());
    }

    private static String join(List<String> flags) {
        return flags == null || flags.isEmpty() ? null : String.join(",", flags);
    }
}
