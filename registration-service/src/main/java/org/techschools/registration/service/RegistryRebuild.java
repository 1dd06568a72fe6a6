package org.techschools.registration.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.persistence.PlainSql;
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
 * last ones and hands back to the live consumers under {@link RegistryGate}'s exclusive lock. The status is the
 * {@code registry_rebuild} row, so every instance shows the same one, and starting takes that row from any state but a
 * running rebuild in one statement: of two instances asked at once, one runs it and the other answers 409.
 */
@ApplicationScoped
public class RegistryRebuild {

    private static final Logger LOG = Logger.getLogger(RegistryRebuild.class);
    /** A catch-up pass that applied no more than this hands over under the lock (the live consumers wait that long). */
    private static final long HANDOVER_BELOW = 500;
    private static final int MAX_CATCH_UP_PASSES = 20;
    /** How often the running instance writes its progress, which also tells the others it still runs. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final String STATUS_COLUMNS = "state, requested_by, started_at, finished_at, registrations_before,"
            + " alerts_before, events_applied, events_skipped, registrations_after, alerts_after, failure,"
            + " state = 'RUNNING' AND heartbeat_at <= now() - CAST(? AS interval)";

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

    /** A rebuild this instance runs: its id in the row, and its counts (written to the row every heartbeat). */
    private record Run(UUID id, AtomicLong applied, AtomicLong skipped) {
    }

    @Inject
    EntityManager em;

    @Inject
    RegistryGate gate;

    @Inject
    EnrollmentEventsReplay replay;

    @Inject
    EnrollmentEventsConsumer consumer;

    @Inject
    Clock clock;

    /** The rebuild as every instance sees it; one whose instance stopped writing shows as FAILED. */
    public Status status() {
        return QuarkusTransaction.joiningExisting().call(() -> PlainSql.list("SELECT " + STATUS_COLUMNS
                + " FROM registry_rebuild WHERE id = 1", RegistryRebuild::status, RegistryGate.STOPPED_AFTER).get(0));
    }

    /** Starts a rebuild in the background on this instance; 409 while one runs on any instance. */
    public Status start(String requestedBy) {
        Run run = new Run(UUID.randomUUID(), new AtomicLong(), new AtomicLong());
        int taken = QuarkusTransaction.requiringNew().call(() -> PlainSql.update("UPDATE registry_rebuild SET state = 'RUNNING',"
                + " rebuilding = false, run_id = ?, requested_by = ?, started_at = ?, finished_at = NULL, heartbeat_at = now(),"
                + " registrations_before = 0, alerts_before = 0, events_applied = 0, events_skipped = 0, registrations_after = 0,"
                + " alerts_after = 0, failure = NULL"
                + " WHERE id = 1 AND (state <> 'RUNNING' OR heartbeat_at <= now() - CAST(? AS interval))",
                run.id(), requestedBy, clock.instant().atOffset(ZoneOffset.UTC), RegistryGate.STOPPED_AFTER));
        if (taken == 0) {
            throw ProblemException.conflict("a registry rebuild is running since " + status().startedAt(), List.of());
        }
        Thread worker = new Thread(() -> run(run), "registry-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status();
    }

    private void run(Run run) {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-rebuild-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> beat(run), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try (EnrollmentEventsReplay.Reader reader = replay.open()) {
            long[] before = gate.exclusively(run.id(), this::emptyRegistry, true);
            write(run, "registrations_before = ?, alerts_before = ?", before[0], before[1]);
            LOG.infof("registry rebuild: emptied %d 学籍 and %d alerts; replaying %s from the beginning", before[0], before[1],
                    Topics.ENROLLMENT_EVENTS);
            long pass = reader.toEnd(raw -> apply(run, raw));
            for (int i = 1; pass > HANDOVER_BELOW && i < MAX_CATCH_UP_PASSES; i++) {
                pass = reader.toEnd(raw -> apply(run, raw));
            }
            long[] after = gate.exclusively(run.id(), () -> {
                reader.toEnd(raw -> apply(run, raw));
                return counts();
            }, false);
            heartbeat.shutdownNow();
            write(run, "state = 'DONE', finished_at = ?, registrations_after = ?, alerts_after = ?",
                    clock.instant().atOffset(ZoneOffset.UTC), after[0], after[1]);
            LOG.infof("registry rebuild done: %d events applied, %d skipped; %d 学籍, %d alerts", run.applied().get(),
                    run.skipped().get(), after[0], after[1]);
        } catch (RuntimeException e) {
            heartbeat.shutdownNow();
            LOG.error("registry rebuild failed; the registry is incomplete until a rebuild succeeds", e);
            try {
                gate.reopen(run.id());
                write(run, "state = 'FAILED', finished_at = ?, failure = ?", clock.instant().atOffset(ZoneOffset.UTC),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException reopenFailed) {
                // The row keeps RUNNING without a heartbeat: after RegistryGate.STOPPED_AFTER every instance takes it for failed.
                LOG.error("could not record the failed rebuild", reopenFailed);
            }
        }
    }

    /** Writes the run's counts and the time, telling the other instances that this rebuild still runs. */
    private void beat(Run run) {
        try {
            write(run, "heartbeat_at = now()");
        } catch (RuntimeException e) {
            LOG.warnf("registry rebuild: progress not written (%s)", e.getClass().getSimpleName());
        }
    }

    /** Sets {@code assignments} and the counts on the row while it is this run's (a run taken for stopped writes nothing). */
    private void write(Run run, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 3];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = run.applied().get();
        parameters[values.length + 1] = run.skipped().get();
        parameters[values.length + 2] = run.id();
        QuarkusTransaction.requiringNew().run(() -> PlainSql.update("UPDATE registry_rebuild SET " + assignments
                + ", events_applied = ?, events_skipped = ? WHERE id = 1 AND run_id = ?", parameters));
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

    private void apply(Run run, String raw) {
        try {
            (consumer.apply(raw) ? run.applied() : run.skipped()).incrementAndGet();
        } catch (UnprocessableEventException e) {
            // The live consumer sent it to the dead-letter topic when it first came: nothing to rebuild from it.
            run.skipped().incrementAndGet();
        }
    }

    private static Status status(ResultSet row) throws SQLException {
        boolean stopped = row.getBoolean(12);
        return new Status(stopped ? State.FAILED : State.valueOf(row.getString(1)), row.getString(2), instant(row, 3),
                instant(row, 4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10),
                stopped ? "the instance running the rebuild stopped writing its progress" : row.getString(11));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
