package org.techschools.registration.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Plain SQL on the transaction's connection, for the lookups every consumed enrollment event makes. Through
 * Hibernate they cost most of the consumer's CPU: an HQL query was translated again on each run, and a native query
 * with a result mapping added a new entry to the query plan cache each time, so every lookup searched a cache
 * crowded with equal-looking keys. Entities are then loaded by id, which bypasses both.
 */
public final class Sql {

    /** Reads one row. */
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    /** The rows of a query; the session is flushed first, so the query sees this transaction's pending writes. */
    public static <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return onStatement(sql, parameters, statement -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        });
    }

    /** Runs an INSERT or UPDATE after flushing the session, as {@link #list} does; returns the rows it changed. */
    public static int update(String sql, Object... parameters) {
        return onStatement(sql, parameters, PreparedStatement::executeUpdate);
    }

    private interface StatementWork<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private static <T> T onStatement(String sql, Object[] parameters, StatementWork<T> work) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return work.on(statement);
            }
        });
    }

    /** The first column as a UUID (the ids these lookups return). */
    public static UUID uuid(ResultSet row) throws SQLException {
        return row.getObject(1, UUID.class);
    }
}
