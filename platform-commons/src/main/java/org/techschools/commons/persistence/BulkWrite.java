package org.techschools.commons.persistence;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Many rows in one statement: each column travels as one array parameter and {@code unnest(...)} turns the arrays
 * back into rows, so a consumed batch moves hundreds of rows (quota counter cells, the check results on enrollment
 * records) with one round trip and one parse. Each call is planned for its own arrays ({@link PlannedPerCall}).
 */
public final class BulkWrite {

    private BulkWrite() {
    }

    /**
     * Runs {@code sql}, whose parameters are the columns in order (e.g. {@code unnest(?::varchar[], ?::int[])}), after
     * flushing the persistence context so the statement sees (and may reference) the transaction's entities.
     *
     * @param types the SQL element type of each column's array ({@code varchar}, {@code int4})
     * @param rows  one Object[] per row, values in the order of {@code types}
     */
    public static void execute(EntityManager em, String sql, List<String> types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = PlannedPerCall.prepare(connection, sql)) {
                for (int column = 0; column < types.size(); column++) {
                    Object[] values = new Object[rows.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = rows.get(row)[column];
                    }
                    statement.setArray(column + 1, connection.createArrayOf(types.get(column), values));
                }
                statement.executeUpdate();
            }
        });
    }
}
