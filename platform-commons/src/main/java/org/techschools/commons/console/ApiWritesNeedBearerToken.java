package org.techschools.commons.console;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.techschools.commons.problem.Problem;
import org.techschools.commons.problem.ProblemException;

/**
 * A console session cookie lets pages read the API (lists, the alert stream) as its person, but never change data
 * through it: a write under {@code /api/} needs a bearer token. Pages change data through their own CSRF-checked forms.
 */
public class ApiWritesNeedBearerToken {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCookieWrites(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !request.getCookies().containsKey(ConsoleSession.COOKIE)) {
            return null;
        }
        Problem problem = ProblemException.forbidden("API writes need a bearer token; a console session only reads").toProblem();
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
