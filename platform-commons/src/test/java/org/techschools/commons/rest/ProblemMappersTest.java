package org.techschools.commons.rest;

import org.techschools.commons.problem.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * What a school system sees when a push fails inside the service. The real outage (PostgreSQL stopped under load)
 * is scenario R2 of deployment/bench; here the failures are the exceptions the PostgreSQL driver throws then.
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void refusedDatabaseConnectionIs503ProblemWithRetryAfter() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001", new ConnectException("Connection refused"));
        Response answer = mappers.unexpected(new PersistenceException("could not open connection", refused));

        assertEquals(503, answer.getStatus());
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), answer.getHeaderString("Retry-After"));
        Problem problem = (Problem) answer.getEntity();
        assertEquals(503, problem.status());
        assertEquals("the database is unavailable; nothing was stored, retry later", problem.detail());
    }

    @Test
    void terminatedSessionDuringShutdownIs503() {
        // pg_ctl stop -m fast ends open sessions with SQLState 57P01 (admin_shutdown).
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertEquals(503, mappers.unexpected(new PersistenceException(terminated)).getStatus());
    }

    @Test
    void programmingErrorIs500WithoutRetryAfter() {
        Response answer = mappers.unexpected(new IllegalStateException("bug"));

        assertEquals(500, answer.getStatus());
        assertNull(answer.getHeaderString("Retry-After"));
    }
}
