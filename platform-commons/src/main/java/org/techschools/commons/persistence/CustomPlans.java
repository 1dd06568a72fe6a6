package org.techschools.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Statements that PostgreSQL plans afresh on every call, with that call's parameters, instead of reusing a plan cached
 * on the connection. For the lookups by array parameter on tables that grow fast: a plan cached while the table was
 * nearly empty stays in use as the table grows until autovacuum next analyzes it. During a first bulk load a push's
 * existing-record lookup grew with the table to 700 ms per batch of 1,000, as a scan filtering every row against the
 * whole array would (the plan itself was not captured); planned per call it took 13 ms. Planning each call costs
 * about a millisecond for a thousand-element array.
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        // 0: never a named server-side statement, so never a cached generic plan.
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
