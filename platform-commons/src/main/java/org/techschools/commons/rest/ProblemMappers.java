package org.techschools.commons.rest;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.Problem;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.text.StorableText;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.techschools.commons.messaging.TransientFailures;

/** Turns every failure into {@code application/problem+json}; never echoes request content (it may hold ID numbers). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** While the database is down: when a school system should try again (seconds; a restart takes about that long). */
    static final int RETRY_AFTER_SECONDS = 5;

    /** character_not_in_repertoire (NUL in text), untranslatable_character (NUL in jsonb). */
    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return jsonProblem(e, "invalid-value", "value is not valid for this field");
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonProblem(e, "invalid-type", "value has the wrong type for this field");
    }

    @ServerExceptionMapper
    public Response unstorableText(UnstorableTextException e) {
        return jsonProblem(e, StorableText.RULE, "text " + StorableText.MESSAGE);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return jsonProblem(mapping, "invalid-value", "value cannot be read");
        }
        return respond(new Problem("about:blank", "Bad request", 400, "request body is not valid JSON",
                List.of(new FieldError("$", "malformed-json", "request body is not valid JSON"))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        // The framework's messages may quote the request (a path or query value it could not convert): never echoed.
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem("about:blank", reason, status, "the request was refused: " + reason, null));
    }

    /** A request body that ends before it is complete (a multipart form never closed): the client's fault. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        return respond(new Problem("about:blank", "Bad request", 400, "request body cannot be read",
                List.of(new FieldError("$", "unreadable-body", "request body cannot be read"))));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("database unavailable: %s", TransientFailures.describe(e));
            return Response.fromResponse(respond(new Problem("about:blank", "Service unavailable", 503,
                    "the database is unavailable; nothing was stored, retry later", null)))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (isUnstorableText(e)) {
            return respond(new Problem("about:blank", "Bad request", 400, "a value " + StorableText.MESSAGE,
                    List.of(new FieldError("$", StorableText.RULE, "a value " + StorableText.MESSAGE))));
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem("about:blank", "Internal server error", 500, "unexpected failure; nothing was stored", null));
    }

    /**
     * PostgreSQL refused a value as text (NUL, an untranslatable character): a backstop for input that no check before
     * the database names ({@link StorableTextFilter} and {@link StorableTextJson} do for paths, queries and JSON).
     */
    private static boolean isUnstorableText(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNSTORABLE_TEXT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response jsonProblem(JsonMappingException e, String rule, String message) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return respond(new Problem("about:blank", "Bad request", 400, message,
                List.of(new FieldError(field.isEmpty() ? "$" : field, rule, message))));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
