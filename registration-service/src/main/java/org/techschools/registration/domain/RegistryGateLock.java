package org.techschools.registration.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The registry gate's advisory lock, held on a connection of its own outside the consumers' transactions: live batches
 * hold it shared while they apply, a rebuild takes it exclusively to empty the registry and to hand it back. Who owns
 * the registry is read from, and handed over in, the {@code registry_rebuild} row on the same connection.
 */
public final class RegistryGateLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RegistryGateLock.class);
    /** The advisory lock key of the gate in registration-service's database ("registry" in ASCII). */
    private static final long GATE_LOCK = 0x7265676973747279L;

    private final Connection connection;

    private RegistryGateLock(Connection connection) {
        this.connection = connection;
    }

    /** A connection of its own from {@code dataSource}, in a transaction that only ever holds the lock. */
    public static RegistryGateLock open(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            return new RegistryGateLock(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Takes the lock shared, for a live batch.
     *
     * @return whether a running rebuild owns the registry (then the batch is left to it)
     */
    public boolean shareUnlessRebuilding() throws SQLException {
        lock("SELECT pg_advisory_xact_lock_shared(?)");
        // A statement of its own, after the lock: its snapshot shows what the rebuild committed before letting go.
        try (PreparedStatement owner = connection.prepareStatement("SELECT rebuilding AND heartbeat_at > now()"
                + " - CAST(? AS interval) FROM registry_rebuild WHERE id = 1")) {
            owner.setString(1, RebuildStore.STOPPED_AFTER);
            try (ResultSet row = owner.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Takes the lock exclusively: waits until no live batch of any instance is being applied. */
    public void takeExclusively() throws SQLException {
        lock("SELECT pg_advisory_xact_lock(?)");
    }

    /**
     * Sets whether rebuild {@code run} owns the registry once this lock is let go of, and commits.
     *
     * @return false, committing nothing, when {@code run} is no longer the rebuild of record
     */
    public boolean handOver(UUID run, boolean rebuilding) throws SQLException {
        try (PreparedStatement owner = connection.prepareStatement("UPDATE registry_rebuild SET rebuilding = ?,"
                + " heartbeat_at = now() WHERE id = 1 AND run_id = ? AND state = 'RUNNING'")) {
            owner.setBoolean(1, rebuilding);
            owner.setObject(2, run);
            if (owner.executeUpdate() == 0) {
                return false;
            }
        }
        connection.commit();
        return true;
    }

    /** Lets go of the lock (rolls back the lock's transaction); a failure only means the connection already let go. */
    public void release() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("the gate's lock transaction ended with its connection", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private void lock(String sql) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, GATE_LOCK);
            lock.executeQuery().close();
        }
    }
}
