package org.techschools.registration.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    /** The advisory lock key of the gate in registration-service's database ("registry" in ASCII). */
    static final long GATE_LOCK = 0x7265676973747279L;
    /**
     * A rebuild whose instance has not written for this long has stopped (killed, or cut off from the database): the live
     * consumers take the registry back rather than leave it to nobody. The running instance writes every second.
     */
    static final String STOPPED_AFTER = "60 seconds";
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, "SELECT pg_advisory_xact_lock_shared(?)");
                // A statement of its own, after the lock: its snapshot shows what the rebuild committed before letting go.
                if (rebuildOwns(c)) {
                    c.rollback();
                    return false;
                }
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw new GateUnreadable(e);
            }
            try {
                apply.run();
                applied = true;
            } finally {
                // Only a lock to let go of: the batch has its own transaction, which has ended, committed or not.
                rollbackQuietly(c);
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, "SELECT pg_advisory_xact_lock(?)");
                T result = work.get();
                try (PreparedStatement owner = c.prepareStatement("UPDATE registry_rebuild SET rebuilding = ?, heartbeat_at = now()"
                        + " WHERE id = 1 AND run_id = ? AND state = 'RUNNING'")) {
                    owner.setBoolean(1, rebuildingAfter);
                    owner.setObject(2, run);
                    if (owner.executeUpdate() == 0) {
                        throw new IllegalStateException("this rebuild was taken for stopped and another one started");
                    }
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
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

    private static boolean rebuildOwns(Connection c) throws SQLException {
        try (PreparedStatement owner = c.prepareStatement("SELECT rebuilding AND heartbeat_at > now() - CAST(? AS interval)"
                + " FROM registry_rebuild WHERE id = 1")) {
            owner.setString(1, STOPPED_AFTER);
            try (ResultSet row = owner.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(sql)) {
            lock.setLong(1, GATE_LOCK);
            lock.executeQuery().close();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("the gate's lock transaction ended with its connection", e);
        }
    }
}
