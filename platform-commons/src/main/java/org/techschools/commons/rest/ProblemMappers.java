package org.techschools.commons.rest;

import java.util.List;
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
        return respond(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status,
                e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("database unavailable: %s", TransientFailures.describe(e));
            return Response.fromResponse(respond(new Problem("about:blank", "Service unavailable", 503,
                    "the database is unavailable; nothing was stored, retry later", null)))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem("about:blank", "Internal server error", 500, "unexpected failure; nothing was stored", null));
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
