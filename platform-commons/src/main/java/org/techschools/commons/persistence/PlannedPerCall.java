package org.techschools.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Statements that PostgreSQL plans afresh on every call, with that call's parameters, instead of reusing a plan cached
 * on the connection. For the lookups by array parameter on tables that grow fast: a plan cached while the table was
 * nearly empty stays in use as the table grows until autovacuum next analyzes it (figures in
 * docs/decisions/0001-array-lookups-planned-per-call.md).
 */
public final class PlannedPerCall {

    private PlannedPerCall() {
    }

    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        // 0: never a named server-side statement, so never a cached generic plan.
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
