package org.techschools.commons.rest;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.text.StorableText;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query values must be {@link StorableText} too: {@code %00} in a URL would otherwise reach a query as NUL
 * and fail in the database. A query parameter is named only when the endpoint declares it (a made-up name is input).
 */
public class StorableTextFilter {

    @ServerRequestFilter
    public void check(UriInfo uri, ResourceInfo resource) {
        for (Map.Entry<String, List<String>> param : uri.getPathParameters().entrySet()) {
            if (!param.getValue().stream().allMatch(StorableText::isStorable)) {
                throw refusal(param.getKey());
            }
        }
        for (Map.Entry<String, List<String>> param : uri.getQueryParameters().entrySet()) {
            if (!StorableText.isStorable(param.getKey()) || !param.getValue().stream().allMatch(StorableText::isStorable)) {
                throw refusal(declaresQuery(resource.getResourceMethod(), param.getKey()) ? param.getKey() : "query");
            }
        }
    }

    private static ProblemException refusal(String field) {
        return ProblemException.badRequest(List.of(new FieldError(field, StorableText.RULE, field + " " + StorableText.MESSAGE)));
    }

    private static boolean declaresQuery(Method method, String name) {
        if (method == null) {
            return false;
        }
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if ((a instanceof QueryParam q && q.value().equals(name)) || (a instanceof RestQuery r && r.value().equals(name))) {
                    return true;
                }
            }
        }
        return false;
    }
}
