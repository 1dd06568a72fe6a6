package org.techschools.registration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.commons.problem.ProblemException;
import org.techschools.registration.domain.RebuildStore;
import org.techschools.registration.domain.RebuildStore.Counts;
import org.techschools.registration.domain.RebuildStore.Status;
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
    /** A rebuild this instance runs: its id in the row, and its counts (written to the row every heartbeat). */
    private record Run(UUID id, AtomicLong applied, AtomicLong skipped) {
    }

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
        return QuarkusTransaction.joiningExisting().call(RebuildStore::status);
    }

    /** Starts a rebuild in the background on this instance; 409 while one runs on any instance. */
    public Status start(String requestedBy) {
        Run run = new Run(UUID.randomUUID(), new AtomicLong(), new AtomicLong());
        boolean taken = QuarkusTransaction.requiringNew().call(() -> RebuildStore.take(run.id(), requestedBy, clock.instant()));
        if (!taken) {
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
            Counts before = gate.exclusively(run.id(), this::emptyRegistry, true);
            write(run, (id, applied, skipped) -> RebuildStore.emptied(id, applied, skipped, before));
            LOG.infof("registry rebuild: emptied %d 学籍 and %d alerts; replaying %s from the beginning",
                    before.registrations(), before.alerts(), Topics.ENROLLMENT_EVENTS);
            long pass = reader.toEnd(raw -> apply(run, raw));
            for (int i = 1; pass > HANDOVER_BELOW && i < MAX_CATCH_UP_PASSES; i++) {
                pass = reader.toEnd(raw -> apply(run, raw));
            }
            Counts after = gate.exclusively(run.id(), () -> {
                reader.toEnd(raw -> apply(run, raw));
                return counts();
            }, false);
            heartbeat.shutdownNow();
            Instant finished = clock.instant();
            write(run, (id, applied, skipped) -> RebuildStore.done(id, applied, skipped, finished, after));
            LOG.infof("registry rebuild done: %d events applied, %d skipped; %d 学籍, %d alerts", run.applied().get(),
                    run.skipped().get(), after.registrations(), after.alerts());
        } catch (RuntimeException e) {
            heartbeat.shutdownNow();
            LOG.error("registry rebuild failed; the registry is incomplete until a rebuild succeeds", e);
            try {
                gate.reopen(run.id());
                Instant finished = clock.instant();
                String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                write(run, (id, applied, skipped) -> RebuildStore.failed(id, applied, skipped, finished, failure));
            } catch (RuntimeException reopenFailed) {
                // The row keeps RUNNING without a heartbeat: after RebuildStore.STOPPED_AFTER every instance takes it for failed.
                LOG.error("could not record the failed rebuild", reopenFailed);
            }
        }
    }

    /** Writes the run's counts and the time, telling the other instances that this rebuild still runs. */
    private void beat(Run run) {
        try {
            write(run, RebuildStore::heartbeat);
        } catch (RuntimeException e) {
            LOG.warnf("registry rebuild: progress not written (%s)", e.getClass().getSimpleName());
        }
    }

    /** A write to the rebuild's row, with the run's counts so far. */
    private interface RowWrite {
        void write(UUID run, long applied, long skipped);
    }

    /** Writes to the row in a transaction of its own; a run taken for stopped writes nothing. */
    private static void write(Run run, RowWrite write) {
        QuarkusTransaction.requiringNew().run(() -> write.write(run.id(), run.applied().get(), run.skipped().get()));
    }

    /** @return the 学籍 and alerts there were */
    private Counts emptyRegistry() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Counts before = RebuildStore.counts();
            RebuildStore.emptyRegistry(Topics.ENROLLMENT_EVENTS);
            return before;
        });
    }

    private Counts counts() {
        return QuarkusTransaction.joiningExisting().call(RebuildStore::counts);
    }

    private void apply(Run run, String raw) {
        try {
            (consumer.apply(raw) ? run.applied() : run.skipped()).incrementAndGet();
        } catch (UnprocessableEventException e) {
            // The live consumer sent it to the dead-letter topic when it first came: nothing to rebuild from it.
            run.skipped().incrementAndGet();
        }
    }
}
