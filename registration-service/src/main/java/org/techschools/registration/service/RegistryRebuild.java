package org.techschools.registration.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.MalformedEventException;
import org.techschools.commons.rest.ProblemException;
import org.techschools.registration.messaging.EnrollmentEventsConsumer;
import org.techschools.registration.messaging.EnrollmentEventsReplay;

/**
 * 重建学籍库: empties the registry and its alerts and applies {@code enrollment-events} again from the beginning,
 * through the same code as the live consumer, so the 学籍 and the alerts (type and records) come out as the live
 * ones. What enrollment events do not hold cannot come back: the auditors' workflow on alerts (new alerts are OPEN,
 * with new ids) and 学籍异动 made in this service (suspension, graduation, transfer) are lost; alerts against
 * imported rosters are raised again from the rosters as they are now.
 * <p>
 * Live events keep arriving meanwhile: the rebuild reads the topic until it has caught up, then takes the
 * last ones and hands back to the live consumer under {@link RegistryGate}'s write lock. One instance of the
 * service must run during a rebuild (the gate is in-process).
 */
@ApplicationScoped
public class RegistryRebuild {

    private static final Logger LOG = Logger.getLogger(RegistryRebuild.class);
    /** A catch-up pass that applied no more than this hands over under the lock (the live consumer waits that long). */
    private static final long HANDOVER_BELOW = 500;
    private static final int MAX_CATCH_UP_PASSES = 20;

    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    /**
     * What {@code GET /api/v1/registry/rebuild} shows: the last (or running) rebuild and its figures. Skipped events
     * are malformed ones (dead-lettered when they first came) and repeats of an eventId already applied. Registrations
     * are the records' current 学籍, one per enrollment record: the ended link a transfer left at the old school is not
     * counted, as the rebuild, which knows no transfers, makes none.
     */
    public record Status(State state, String requestedBy, Instant startedAt, Instant finishedAt, long registrationsBefore,
            long alertsBefore, long eventsApplied, long eventsSkipped, long registrationsAfter, long alertsAfter,
            String failure) {
    }

    @Inject
    EntityManager em;

    @Inject
    RegistryGate gate;

    @Inject
    EnrollmentEventsReplay replay;

    @Inject
    EnrollmentEventsConsumer consumer;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile Status status = new Status(State.IDLE, null, null, null, 0, 0, 0, 0, 0, 0, null);

    public Status status() {
        Status s = status;
        return s.state() == State.RUNNING ? withProgress(s) : s;
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public synchronized Status start(String requestedBy) {
        if (status.state() == State.RUNNING) {
            throw ProblemException.conflict("a registry rebuild is running since " + status.startedAt(), java.util.List.of());
        }
        applied.set(0);
        skipped.set(0);
        status = new Status(State.RUNNING, requestedBy, Instant.now(), null, 0, 0, 0, 0, 0, 0, null);
        Thread worker = new Thread(this::run, "registry-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status();
    }

    private void run() {
        try (EnrollmentEventsReplay.Reader reader = replay.open()) {
            long[] before = gate.exclusively(this::emptyRegistry, true);
            status = new Status(State.RUNNING, status.requestedBy(), status.startedAt(), null, before[0], before[1], 0, 0, 0, 0,
                    null);
            LOG.infof("registry rebuild: emptied %d 学籍 and %d alerts; replaying %s from the beginning", before[0], before[1],
                    Topics.ENROLLMENT_EVENTS);
            long pass = reader.toEnd(this::apply);
            for (int i = 1; pass > HANDOVER_BELOW && i < MAX_CATCH_UP_PASSES; i++) {
                pass = reader.toEnd(this::apply);
            }
            long[] after = gate.exclusively(() -> {
                reader.toEnd(this::apply);
                return counts();
            }, false);
            Status s = status;
            status = new Status(State.DONE, s.requestedBy(), s.startedAt(), Instant.now(), s.registrationsBefore(),
                    s.alertsBefore(), applied.get(), skipped.get(), after[0], after[1], null);
            LOG.infof("registry rebuild done: %d events applied, %d skipped; %d 学籍, %d alerts", applied.get(), skipped.get(),
                    after[0], after[1]);
        } catch (RuntimeException e) {
            gate.reopen();
            Status s = withProgress(status);
            status = new Status(State.FAILED, s.requestedBy(), s.startedAt(), Instant.now(), s.registrationsBefore(),
                    s.alertsBefore(), s.eventsApplied(), s.eventsSkipped(), 0, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.error("registry rebuild failed; the registry is incomplete until a rebuild succeeds", e);
        }
    }

    /** @return the 学籍 and alerts there were */
    private long[] emptyRegistry() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long[] before = counts();
            em.createNativeQuery("TRUNCATE alert_transition, alert_record, alert, transfer_request, registration").executeUpdate();
            // Forgetting what was applied lets the same events apply again; school-events stay applied.
            em.createNativeQuery("DELETE FROM processed_event WHERE topic = ?1").setParameter(1, Topics.ENROLLMENT_EVENTS)
                    .executeUpdate();
            return before;
        });
    }

    private long[] counts() {
        return QuarkusTransaction.joiningExisting().call(() -> new long[] {
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM registration WHERE transferred_to IS NULL")
                        .getSingleResult()).longValue(),
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM alert").getSingleResult()).longValue() });
    }

    private void apply(String raw) {
        try {
            (consumer.apply(raw) ? applied : skipped).incrementAndGet();
        } catch (MalformedEventException e) {
            // The live consumer sent it to the dead-letter topic when it first came: nothing to rebuild from it.
            skipped.incrementAndGet();
        }
    }

    private Status withProgress(Status s) {
        return new Status(s.state(), s.requestedBy(), s.startedAt(), s.finishedAt(), s.registrationsBefore(), s.alertsBefore(),
                applied.get(), skipped.get(), s.registrationsAfter(), s.alertsAfter(), s.failure());
    }
}
