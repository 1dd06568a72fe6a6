package org.techschools.quota.service;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.service.PlanCompliance.Checked;

/**
 * Keeps {@code enrollment_fact} and the counters of actual enrollment in step with {@code enrollment-events}.
 * Versions make it exact under redelivery and reordering: an event whose version is not newer than the stored
 * state changes nothing, a correction moves the record from its old counter cell to its new one, a withdrawal
 * takes it out once.
 *
 * <p>Events come a consumed batch at a time: the batch's records are read with one query, its events applied to them
 * in order in memory, and the counter deltas, 学籍 counts and plan checks written once for the whole batch — a replay
 * of the topic costs a few statements per batch instead of a dozen per event.
 */
@ApplicationScoped
public class EnrollmentProjection {

    private static final Logger LOG = Logger.getLogger(EnrollmentProjection.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    @Inject
    EnrollmentCounters counters;

    @Inject
    PlanCompliance compliance;

    @Inject
    RegistrationProjection registrations;

    /** One event of {@code enrollment-events}: {@link EnrollmentRecorded} (or its correction) or {@link EnrollmentWithdrawn}. */
    public sealed interface Change permits Recorded, Withdrawn {
        UUID enrollmentId();
    }

    /** EnrollmentRecorded / EnrollmentCorrected: the whole current state of the record. */
    public record Recorded(EnrollmentRecorded event) implements Change {
        @Override
        public UUID enrollmentId() {
            return event.enrollmentId();
        }
    }

    /** EnrollmentWithdrawn: the record no longer counts (it is kept, inactive). */
    public record Withdrawn(EnrollmentWithdrawn event) implements Change {
        @Override
        public UUID enrollmentId() {
            return event.enrollmentId();
        }
    }

    /** Applies the changes in order, as if one by one, with the batch's writes done together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Change> changes) {
        Map<UUID, EnrollmentFact> facts = new HashMap<>();
        List<UUID> ids = changes.stream().map(Change::enrollmentId).distinct().toList();
        for (EnrollmentFact fact : EnrollmentFact.<EnrollmentFact>list("enrollmentId in ?1", ids)) {
            facts.put(fact.enrollmentId, fact);
        }
        Batch batch = new Batch(facts);
        for (Change change : changes) {
            if (change instanceof Recorded recorded) {
                batch.recorded(recorded.event());
            } else {
                batch.withdrawn(((Withdrawn) change).event());
            }
        }
        counters.apply(batch.deltas);
        registrations.enrollmentsChanged(batch.arrived.values());
        compliance.check(batch.checked, batch.left);
    }

    /** What a batch's events did, gathered for the writes at its end. */
    private static final class Batch {

        private final Map<UUID, EnrollmentFact> facts;
        private final EnrollmentCounters.Deltas deltas = new EnrollmentCounters.Deltas();
        /** Records recorded or corrected: their 学籍 count under the record's city and year. */
        private final Map<UUID, EnrollmentFact> arrived = new LinkedHashMap<>();
        /** Each recorded state, for the plan checks. */
        private final List<Checked> checked = new ArrayList<>();
        /** Cells a record left (corrected into another cell, or withdrawn): their OVER_PLAN figures are recounted. */
        private final Set<CounterKey> left = new LinkedHashSet<>();

        Batch(Map<UUID, EnrollmentFact> facts) {
            this.facts = facts;
        }

        void recorded(EnrollmentRecorded event) {
            EnrollmentFact fact = facts.get(event.enrollmentId());
            if (fact != null && event.version() <= fact.version) {
                LOG.debugf("enrollment %s v%d already at v%d; ignored", event.enrollmentId(), event.version(), fact.version);
                return;
            }
            CounterKey before = null;
            boolean first = fact == null;
            if (first) {
                fact = new EnrollmentFact();
                fact.enrollmentId = event.enrollmentId();
                facts.put(fact.enrollmentId, fact);
            } else if (fact.active) {
                before = fact.counterKey();
                deltas.count(fact, -1);
            }
            fact.version = event.version();
            // The event names the enrolling school: a record a transfer moved stays at the receiving school.
            if (fact.enrollingSchoolCode == null) {
                fact.schoolCode = event.schoolCode();
                fact.schoolType = event.schoolType() == null ? null : event.schoolType().name();
                fact.schoolProvincial = event.schoolProvincial();
                fact.provinceCode = event.schoolProvinceCode();
                fact.cityCode = event.schoolCityCode();
            }
            fact.sourceRecordId = event.sourceRecordId();
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
            if (first) {
                fact.persist();
            }
            deltas.count(fact, +1);
            arrived.put(fact.enrollmentId, fact);
            if (fact.enrollingSchoolCode == null) {
                checked.add(Checked.of(fact));
            } else {
                // Recruitment was judged at the school that enrolled the person (a transfer is no recruitment): the
                // receiving school's cell is only compared with its plan again.
                left.add(fact.counterKey());
            }
            if (before != null && !sameCell(before, fact.counterKey())) {
                left.add(before);
            }
        }

        void withdrawn(EnrollmentWithdrawn event) {
            EnrollmentFact fact = facts.get(event.enrollmentId());
            if (fact == null) {
                // Withdrawal seen before the record: remember the version so the older record is not counted later.
                fact = new EnrollmentFact();
                fact.enrollmentId = event.enrollmentId();
                fact.schoolCode = event.schoolCode();
                fact.version = event.version();
                fact.active = false;
                fact.persist();
                facts.put(fact.enrollmentId, fact);
                return;
            }
            if (event.version() < fact.version || !fact.active) {
                fact.version = Math.max(fact.version, event.version());
                return;
            }
            deltas.count(fact, -1);
            fact.version = event.version();
            fact.active = false;
            left.add(fact.counterKey());
        }
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
