package org.techschools.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/**
 * Which failures a consumer or request retries (the database will be back) and which it gives up on (retrying fails
 * the same way): a transient one taken for permanent loses an event to the dead-letter topic, a permanent one taken for
 * transient retries for ever.
 */
class TransientFailuresTest {

    @Test
    void anOutageALostConnectionOrADeadlockIsTransient() {
        assertTrue(TransientFailures.isTransient(sql("08006", "An I/O error occurred while sending to the backend.")), "connection failure");
        assertTrue(TransientFailures.isTransient(sql("08001", "Connection to localhost:5432 refused.")), "cannot connect");
        assertTrue(TransientFailures.isTransient(sql("57P01", "terminating connection due to administrator command")), "server shut down");
        assertTrue(TransientFailures.isTransient(sql("53300", "sorry, too many clients already")), "too many connections");
        assertTrue(TransientFailures.isTransient(sql("40001", "could not serialize access")), "serialization failure");
        assertTrue(TransientFailures.isTransient(sql("40P01", "deadlock detected")), "deadlock");
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("Acquisition timeout while waiting for new connection")));
        assertTrue(TransientFailures.isTransient(new SQLRecoverableException("connection lost")));
        assertTrue(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")),
                "the pool's timeout carries no SQL state");
        assertTrue(TransientFailures.isTransient(new ConnectException("Connection refused")));
    }

    @Test
    void theCauseIsFoundUnderTheLayersThatWrapIt() {
        Exception wrapped = new PersistenceException("could not execute statement",
                new IllegalStateException("writing the outbox rows failed", sql("08006", "I/O error")));
        assertTrue(TransientFailures.isTransient(wrapped));
        assertEquals("SQLException", TransientFailures.describe(wrapped), "the root cause names the failure, not the value");
    }

    @Test
    void brokenDataAndBrokenCodeArePermanent() {
        assertFalse(TransientFailures.isTransient(sql("23505", "duplicate key value violates unique constraint")), "unique violation");
        assertFalse(TransientFailures.isTransient(sql("22001", "value too long for type character varying(100)")), "too long");
        assertFalse(TransientFailures.isTransient(sql("42P01", "relation \"enrollment\" does not exist")), "missing table");
        assertFalse(TransientFailures.isTransient(sql(null, "bad value")));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("unknown eventType")));
        assertFalse(TransientFailures.isTransient(new PersistenceException("constraint", sql("23503", "foreign key"))));
        assertFalse(TransientFailures.isTransient(null));
    }

    @Test
    void aConcurrentInsertOfTheSameKeyIsARaceToRetryNotAnOutage() {
        Exception race = new PersistenceException("could not execute statement", sql("23505", "duplicate key"));
        assertTrue(TransientFailures.isConstraintRace(race));
        assertFalse(TransientFailures.isTransient(race));
        assertFalse(TransientFailures.isConstraintRace(new PersistenceException(sql("23503", "foreign key"))));
        assertFalse(TransientFailures.isConstraintRace(sql("08006", "I/O error")));
    }

    private static SQLException sql(String state, String message) {
        return new SQLException(message, state);
    }
}
