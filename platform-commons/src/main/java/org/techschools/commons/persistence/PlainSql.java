package org.techschools.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The one way repositories run SQL that Hibernate should not translate: on the transaction's connection (the
 * service's one persistence unit), after
 * flushing the persistence context so the statement sees this transaction's pending writes. Used for the lookups
 * every consumed event makes (through Hibernate an HQL or native query cost most of a consumer's CPU in translation
 * and query-plan-cache misses), for bulk writes of many rows in one statement and for COPY.
 * <p>
 * A parameter given as {@link #array} travels as one SQL array; a statement with an array parameter is planned for
 * its own values on each call ({@link PlannedPerCall}), because a plan cached while a table was small stays in use as
 * it grows.
 */
public final class PlainSql {

    /** Reads one row. */
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Work on the transaction's connection, e.g. a COPY. */
    public interface ConnectionWork<T> {
        T on(Connection connection) throws SQLException;
    }

    /** An array parameter: {@code elementType} is the SQL type of its elements ({@code varchar}, {@code int8}). */
    public record SqlArray(String elementType, Object[] values) {
    }

    private PlainSql() {
    }

    public static SqlArray array(String elementType, Collection<?> values) {
        return new SqlArray(elementType, values.toArray());
    }

    /** The rows of a query. */
    public static <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return onConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(row.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(String sql, Object... parameters) {
        return onConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Many rows in one statement: each column travels as one array parameter and {@code unnest(...)} turns the arrays
     * back into rows, so a consumed batch moves hundreds of rows with one round trip and one parse.
     *
     * @param sql   its parameters are the columns in order, e.g. {@code unnest(?::varchar[], ?::int[])}
     * @param types the SQL element type of each column's array ({@code varchar}, {@code int4})
     * @param rows  one Object[] per row, values in the order of {@code types}
     */
    public static void bulk(String sql, List<String> types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Object[] columns = new Object[types.size()];
        for (int column = 0; column < columns.length; column++) {
            Object[] values = new Object[rows.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = rows.get(row)[column];
            }
            columns[column] = new SqlArray(types.get(column), values);
        }
        update(sql, columns);
    }

    /** Runs {@code work} on the transaction's connection after flushing, for what a statement cannot say (COPY). */
    public static <T> T onConnection(ConnectionWork<T> work) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.flush();
        return session.doReturningWork(work::on);
    }

    /** The first column as a UUID (the ids most lookups return). */
    public static UUID uuid(ResultSet row) throws SQLException {
        return row.getObject(1, UUID.class);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        boolean hasArray = false;
        for (Object parameter : parameters) {
            hasArray |= parameter instanceof SqlArray;
        }
        PreparedStatement statement = hasArray ? PlannedPerCall.prepare(connection, sql)
                : connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof SqlArray array) {
                    statement.setArray(i + 1, connection.createArrayOf(array.elementType(), array.values()));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
