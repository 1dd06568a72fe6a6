package org.techschools.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.LookalikeLookups;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RosterHit;
import org.techschools.registration.domain.RegistrationChangeType;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.registration.domain.School;
import org.techschools.registration.messaging.RegistrationEventsOutbox;
import org.techschools.commons.messaging.EventTraces;
import org.techschools.commons.persistence.TimeOrderedIds;

/**
 * 学籍管理: keeps the registry in step with the enrollment records of enrollment-service. Every method runs
 * in the consumer's transaction, so the 学籍, the alerts, the outgoing events and the processed eventId
 * commit together or not at all.
 */
@ApplicationScoped
public class Registry {

    private static final Logger LOG = Logger.getLogger(Registry.class);

    /** Dates of 学籍异动 are civil dates in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    DuplicateChecks checks;

    @Inject
    Clock clock;

    @Inject
    AlertRaiser alerts;

    @Inject
    CheckResults checkResults;

    @Inject
    RegistrationEventsOutbox events;

    @Inject
    NameSimilarity names;

    @Inject
    CrossSystemCheck crossSystem;

    @Inject
    LookalikeBlockLocks blockLocks;

    @Inject
    EntityManager em;

    /**
     * The enrollment events of one polled batch, in offset order. What each event would look up alone — whether its
     * record has a 学籍 yet, and its holder's rows on the imported rosters — is read for the whole batch in two
     * statements, as round trips per event cost the service much of its CPU
     * (docs/decisions/0006-registration-consumer-batches.md).
     * Then the lookalike blocks of all of them are locked at once (after the rosters' shared lock, the order every
     * check takes them in; see {@link LookalikeBlockLocks}), and which of their holders hold an ACTIVE 学籍 is read in
     * one more: most hold none, and a holder's other 在籍 学籍 are then asked for only where there can be any — held
     * before the batch, or registered by an earlier event of it. It is read once the blocks are locked, as each
     * event's own lookup was, so it sees what a concurrent batch that registered the same person committed.
     *
     * Each event is then applied in the trace it arrived in, so the 学籍 events it publishes continue that trace.
     *
     * @param events {@link EnrollmentRecorded} (recorded or corrected) and {@link EnrollmentWithdrawn}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyInOrder(List<? extends EventTraces.Traced<?>> events) {
        LookalikeLookups.planOnce();
        List<EnrollmentRecorded> records = events.stream().map(EventTraces.Traced::payload)
                .filter(EnrollmentRecorded.class::isInstance).map(EnrollmentRecorded.class::cast).toList();
        Set<UUID> unregistered = records.stream().map(EnrollmentRecorded::enrollmentId)
                .collect(Collectors.toCollection(HashSet::new));
        unregistered.removeAll(Registration.registeredAmong(unregistered));
        Set<String> holders = records.stream().map(EnrollmentRecorded::personKey).collect(Collectors.toSet());
        Map<String, List<RosterHit>> rosterRows = crossSystem.activeRosterRowsOf(holders);
        blockLocks.lock(records.stream()
                .map(record -> new LookalikeBlockLocks.Person(record.birthDate(), record.gender(), record.name())).toList());
        Set<String> mayHoldActive = Registration.holdingActive(holders);
        for (EventTraces.Traced<?> event : events) {
            try (EventTraces.Applying applying = event.trace().get()) {
                if (event.payload() instanceof EnrollmentRecorded record) {
                    // Only a record's first event in the batch can trust the batch's lookup: it registers the record.
                    Registration registration = unregistered.remove(record.enrollmentId()) ? null
                            : Registration.byEnrollment(record.enrollmentId()).orElse(null);
                    apply(record, registration, rosterRows.getOrDefault(record.personKey(), List.of()),
                            mayHoldActive.contains(record.personKey()));
                    mayHoldActive.add(record.personKey());
                } else {
                    withdraw((EnrollmentWithdrawn) event.payload());
                }
            }
            // The checks read hundreds of 学籍 per event: forgetting them once written keeps every later query of the
            // batch's transaction from dirty-checking all the 学籍 the batch has read so far.
            em.flush();
            em.clear();
        }
    }

    /** 注册学籍 (EnrollmentRecorded) or 更正 (EnrollmentCorrected): store the record's current state, then check it. */
    private void apply(EnrollmentRecorded record, Registration registration, List<RosterHit> rosterRows,
            boolean mayHoldOthers) {
        boolean isNew = registration == null;
        if (!isNew && record.version() < registration.enrollmentVersion) {
            LOG.debugf("enrollment %s: version %d arrived after version %d, ignored", record.enrollmentId(),
                    record.version(), registration.enrollmentVersion);
            return;
        }
        if (isNew) {
            registration = new Registration();
            registration.id = TimeOrderedIds.next(clock);
            registration.enrollmentId = record.enrollmentId();
            registration.status = RegistrationStatus.ACTIVE;
            registration.registeredAt = clock.instant();
            // Kept from the first version only: a correction is no new registration (see LateRegistrationCheck).
            registration.recordedAt = record.recordedAt() != null ? record.recordedAt() : registration.registeredAt;
        }
        copy(record, registration);
        if (isNew) {
            registration.persist();
            events.changed(registration, "REGISTER", registration.enrolledOn);
        }
        Set<UUID> changed = new LinkedHashSet<>();
        if (!isNew) {
            changed.addAll(checks.closeStaleAfterCorrection(registration));
        }
        DuplicateChecks.Outcome outcome = checks.check(registration, rosterRows,
                mayHoldOthers ? Registration.otherActiveOf(registration) : List.of());
        changed.addAll(outcome.otherEnrollmentIds());
        if (isNew) {
            checkResults.publishForNew(registration, outcome.raised(), changed);
        } else {
            checkResults.publishFor(registration, changed);
        }
    }

    /** 退学 (EnrollmentWithdrawn): the 学籍 ends, and so do the undecided alerts it was part of. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(EnrollmentWithdrawn withdrawal) {
        Registration registration = Registration.byEnrollment(withdrawal.enrollmentId()).orElse(null);
        if (registration == null) {
            // The record never reached us as recorded (e.g. withdrawn before its first event was produced): nothing to end.
            LOG.warnf("withdrawal of unknown enrollment %s ignored", withdrawal.enrollmentId());
            return;
        }
        if (registration.hasEnded() || withdrawal.version() < registration.enrollmentVersion) {
            return;
        }
        registration.enrollmentVersion = Math.max(registration.enrollmentVersion, withdrawal.version());
        LocalDate effectiveOn = (withdrawal.withdrawnAt() != null ? withdrawal.withdrawnAt() : clock.instant())
                .atZone(CHINA).toLocalDate();
        changeStatus(registration, RegistrationStatus.WITHDRAWN, RegistrationChangeType.WITHDRAW, effectiveOn,
                "学籍 withdrawn (退学): " + withdrawal.reason());
    }

    /**
     * 学籍异动: moves the 学籍 to its new status and announces it. An ended 学籍 resolves the undecided alerts it
     * was part of; a resumed one (复学) is checked again, as it may now conflict with a 学籍 registered meanwhile.
     * Every record whose flagging alerts changed gets a fresh check result.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatus(Registration registration, RegistrationStatus to, RegistrationChangeType change,
            LocalDate effectiveOn, String note) {
        registration.status = to;
        registration.updatedAt = clock.instant();
        events.changed(registration, change.name(), effectiveOn);
        Set<UUID> changed = new LinkedHashSet<>();
        if (to.ended()) {
            changed.addAll(resolveByLifecycle(registration, note));
        } else if (to == RegistrationStatus.ACTIVE) {
            changed.addAll(checks.check(registration).otherEnrollmentIds());
        }
        checkResults.publishFor(registration, changed);
    }

    /**
     * 转学 approved: the 学籍 ends at the old school (TRANSFERRED_OUT) and continues, ACTIVE, at the receiving school,
     * announced as TRANSFER then TRANSFER_IN. The person stays 在籍, so the alerts naming the record stay as they are
     * (a transfer must not close a double registration) and the new 学籍 is checked as a resumed one is.
     *
     * @return the new 学籍 at the receiving school
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registration transfer(Registration from, School to, LocalDate effectiveOn) {
        Instant now = clock.instant();
        from.status = RegistrationStatus.TRANSFERRED_OUT;
        from.updatedAt = now;
        events.changed(from, RegistrationChangeType.TRANSFER.name(), effectiveOn);
        Registration moved = new Registration();
        moved.id = TimeOrderedIds.next(clock);
        moved.enrollmentId = from.enrollmentId;
        moved.enrollmentVersion = from.enrollmentVersion;
        moved.sourceRecordId = from.sourceRecordId;
        moved.personKey = from.personKey;
        moved.idNumberMasked = from.idNumberMasked;
        moved.name = from.name;
        moved.lookalikeKeys = from.lookalikeKeys;
        moved.gender = from.gender;
        moved.birthDate = from.birthDate;
        moved.studyMode = from.studyMode;
        moved.classLevel = from.classLevel;
        moved.majorCode = from.majorCode;
        moved.intakeYear = from.intakeYear;
        moved.intakeSeason = from.intakeSeason;
        moved.enrolledOn = from.enrolledOn;
        // Registration time stays the first push's: the person was registered in time, wherever they study now.
        moved.recordedAt = from.recordedAt;
        moved.schoolCode = to.code;
        moved.provinceCode = to.provinceCode;
        moved.cityCode = to.cityCode;
        moved.status = RegistrationStatus.ACTIVE;
        moved.registeredAt = now;
        moved.updatedAt = now;
        moved.transferredFrom = from.id;
        from.transferredTo = moved.id;
        // The old link leaves the record's one current 学籍 (a unique index) before the new one joins it.
        em.flush();
        moved.persist();
        events.transferredIn(moved, from.schoolCode, effectiveOn);
        checkResults.publishFor(moved, new LinkedHashSet<>(checks.check(moved).otherEnrollmentIds()));
        return moved;
    }

    /**
     * An alert whose conflicting 学籍 ended is resolved by the lifecycle. Alerts an auditor already decided
     * (confirmed, referred, dismissed) stay as they are: a referral for discipline is not undone by leaving school.
     *
     * @return the enrollment ids named by the alerts resolved
     */
    private Set<UUID> resolveByLifecycle(Registration ended, String note) {
        Set<UUID> named = new LinkedHashSet<>();
        for (Alert alert : Alert.namingRecord(ended.enrollmentId, AlertStatus.UNDECIDED)) {
            alerts.resolve(alert, AlertRaiser.RESOLVED_BY_LIFECYCLE, note);
            AlertRecord.ofAlerts(Set.of(alert.id)).forEach(r -> named.add(r.enrollmentId));
        }
        return named;
    }

    private void copy(EnrollmentRecorded record, Registration registration) {
        registration.enrollmentVersion = record.version();
        // A 学籍 continued at a receiving school stays there: the record still names the school that enrolled the person.
        boolean enrolledHere = registration.transferredFrom == null;
        if (enrolledHere) {
            registration.schoolCode = record.schoolCode();
            registration.provinceCode = record.schoolProvinceCode();
            registration.cityCode = record.schoolCityCode();
        }
        registration.sourceRecordId = record.sourceRecordId();
        registration.personKey = record.personKey();
        registration.idNumberMasked = record.idNumberMasked();
        registration.name = record.name();
        registration.lookalikeKeys = LookalikeKeys.of(names, record.birthDate(), record.gender(), record.name());
        registration.gender = record.gender();
        registration.birthDate = record.birthDate();
        registration.studyMode = record.studyMode();
        registration.classLevel = record.classLevel();
        registration.majorCode = record.majorCode();
        registration.intakeYear = record.intakeYear();
        registration.intakeSeason = record.intakeSeason();
        registration.enrolledOn = record.enrolledOn();
        registration.updatedAt = clock.instant();
    }
}
