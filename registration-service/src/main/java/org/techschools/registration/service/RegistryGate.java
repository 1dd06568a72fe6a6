package org.techschools.registration.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

import org.techschools.commons.messaging.Backoff;
import org.techschools.commons.messaging.TransientFailures;
import org.techschools.registration.domain.RegistryGateLock;

/**
 * Decides who applies enrollment events to the registry, on every instance of the service: the live consumers, or a
 * running rebuild (重建学籍库) that replays {@code enrollment-events} from the beginning. The owner is the
 * {@code registry_rebuild} row in PostgreSQL; a live batch holds an advisory lock shared while it applies, and the rebuild
 * takes it exclusively to empty the registry and to hand back, so no event of any instance falls between the two.
 * <p>
 * The lock is held on a connection of its own, outside the consumer's transactions: those retry on their own through a
 * database outage, and a lock transaction that dies meanwhile only lets go of the lock.
 */
@ApplicationScoped
public class RegistryGate {

    private static final Logger LOG = Logger.getLogger(RegistryGate.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Applies a live batch unless a running rebuild owns the registry.
     *
     * @return false when the batch was left to the running rebuild
     */
    public boolean live(Runnable apply) {
        Backoff backoff = new Backoff(Duration.ofMillis(100), MAX_BACKOFF);
        while (true) {
            try {
                return tryLive(apply);
            } catch (GateUnreadable e) {
                // As the consumer's own transactions do: a database outage is waited out, never a reason to skip a batch.
                if (!TransientFailures.isTransient(e.getCause())) {
                    throw new IllegalStateException("cannot read who owns the registry", e.getCause());
                }
                LOG.warnf("database unavailable while reading who owns the registry (%s); retrying in %d ms",
                        TransientFailures.describe(e.getCause()), backoff.nextMillis());
                if (!backoff.pause()) {
                    throw new IllegalStateException("interrupted while waiting for the database", e.getCause());
                }
            }
        }
    }

    /** The gate could not be read: nothing was applied. */
    private static final class GateUnreadable extends RuntimeException {
        GateUnreadable(SQLException cause) {
            super(cause);
        }
    }

    private boolean tryLive(Runnable apply) {
        boolean applied = false;
        try (RegistryGateLock lock = RegistryGateLock.open(dataSource)) {
            try {
                if (lock.shareUnlessRebuilding()) {
                    lock.release();
                    return false;
                }
            } catch (SQLException e) {
                lock.release();
                throw new GateUnreadable(e);
            }
            try {
                apply.run();
                applied = true;
            } finally {
                // Only a lock to let go of: the batch has its own transaction, which has ended, committed or not.
                lock.release();
            }
        } catch (SQLException e) {
            if (!applied) {
                throw new GateUnreadable(e);
            }
            LOG.debug("the gate's connection failed to close after the batch", e);
        }
        return true;
    }

    /**
     * Runs {@code work} while no live batch is being applied on any instance, then sets whether rebuild {@code run} owns
     * the registry.
     *
     * @throws IllegalStateException when {@code run} is no longer the rebuild of record (its instance was taken for stopped)
     */
    <T> T exclusively(UUID run, Supplier<T> work, boolean rebuildingAfter) {
        try (RegistryGateLock lock = RegistryGateLock.open(dataSource)) {
            try {
                lock.takeExclusively();
                T result = work.get();
                if (!lock.handOver(run, rebuildingAfter)) {
                    throw new IllegalStateException("this rebuild was taken for stopped and another one started");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                lock.release();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand the registry over", e);
        }
    }

    /** Hands the registry back to the live consumers (after a failed rebuild too). */
    void reopen(UUID run) {
        exclusively(run, () -> null, false);
    }
}
