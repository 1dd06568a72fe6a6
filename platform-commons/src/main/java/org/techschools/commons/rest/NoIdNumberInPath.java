package org.techschools.commons.rest;

import org.techschools.commons.problem.ProblemException;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.techschools.commons.identity.IdNumberShape;

/**
 * No URL path carries an ID number: a school system that uses it as its record id would put it in every access log
 * and proxy on the way, and a 404 would be no answer to what was wrong. A path value holding an ID-number shape
 * ({@code GET /api/v1/enrollments/{schoolCode}/{sourceRecordId}} with the ID as record id) answers 422 naming the
 * path parameter and {@link IdNumberShape#RULE}, before the resource looks anything up.
 */
public class NoIdNumberInPath {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        for (Map.Entry<String, List<String>> param : uri.getPathParameters().entrySet()) {
            if (param.getValue().stream().anyMatch(IdNumberShape::foundIn)) {
                throw ProblemException.unprocessable(List.of(IdNumberShape.error(param.getKey())));
            }
        }
    }
}
