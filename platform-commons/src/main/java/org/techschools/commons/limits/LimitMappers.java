package org.techschools.commons.limits;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.techschools.commons.rest.ProblemMappers;

/** Answers a refused request as problem+json with the header the client needs to act on it. */
public class LimitMappers {

    @ServerExceptionMapper
    public Response retryLater(RetryLaterException e) {
        return Response.fromResponse(ProblemMappers.respond(e.toProblem())).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e) {
        Response answer = ProblemMappers.respond(e.toProblem());
        // A rest left unread would be taken for the next request: the connection ends with this answer.
        return e.restDiscarded() ? answer : Response.fromResponse(answer).header("Connection", "close").build();
    }
}
