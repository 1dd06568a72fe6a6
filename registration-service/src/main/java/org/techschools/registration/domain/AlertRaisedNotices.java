package org.techschools.registration.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A connection of its own that LISTENs on {@link Alert#RAISED_CHANNEL}: the ids of the alerts other transactions (of
 * any instance) raised, each delivered once its transaction has committed. Not from the pool: it stays open as long as
 * the service runs, outside any transaction.
 */
public final class AlertRaisedNotices implements AutoCloseable {

    private final Connection connection;
    private final PGConnection pg;

    private AlertRaisedNotices(Connection connection) throws SQLException {
        this.connection = connection;
        this.pg = connection.unwrap(PGConnection.class);
    }

    /** Connects to the service's database and starts listening. */
    public static AlertRaisedNotices listen(String jdbcUrl, Optional<String> username, Optional<String> password)
            throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "registration-service alert listener");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL");
        }
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + Alert.RAISED_CHANNEL);
            }
            return new AlertRaisedNotices(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * The ids raised since the last call, in the order they committed, waiting up to {@code waitMillis} for the first;
     * none after a quiet wait, when a query checks that the connection still stands (a connection cut without a word,
     * no reset from the peer, is found here).
     */
    public List<UUID> next(int waitMillis) throws SQLException {
        PGNotification[] notifications = pg.getNotifications(waitMillis);
        if (notifications == null || notifications.length == 0) {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT 1");
            }
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(notifications.length);
        for (PGNotification n : notifications) {
            ids.add(UUID.fromString(n.getParameter()));
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
