package org.techschools.commons.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

import org.techschools.commons.problem.Problem;

/**
 * The service-wide body limit ({@code quarkus.http.limits.max-body-size}, the largest of any endpoint), checked on the
 * announced length before any route — also for paths no endpoint serves. Vert.x's own check would answer a bare 413;
 * this one runs first and answers problem+json. The body is not read: the connection closes after the answer.
 */
@ApplicationScoped
public class BodySizeBackstop {

    /** Ahead of Vert.x's own body limit check (route order -2; a filter of priority p runs at order -p). */
    static final int PRIORITY = 10;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper mapper;

    void register(@Observes Filters filters) throws JsonProcessingException {
        long limit = maxBodySize.asLongValue();
        String answer = mapper.writeValueAsString(new BodyTooLargeException(limit, false).toProblem());
        filters.register(context -> check(context, limit, answer), PRIORITY);
    }

    private static void check(RoutingContext context, long limit, String answer) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && exceeds(length, limit)) {
            context.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(answer);
            return;
        }
        context.next();
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
