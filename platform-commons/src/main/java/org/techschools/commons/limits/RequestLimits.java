package org.techschools.commons.limits;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;

import org.techschools.commons.security.CallerToken;
import org.techschools.commons.problem.FieldError;

/**
 * What every REST request is checked against once its token is verified and before its body is read:
 * <ul>
 * <li>rate limits, answered 429 with Retry-After: public endpoints ({@code @PermitAll}) per client address, every write
 * (POST, PUT, PATCH, DELETE) per token subject, and endpoints marked {@link RateLimited} per school (a public one per
 * client address, on top of the public limit);</li>
 * <li>the endpoint's body limit ({@link BodyLimit}, else {@code platform.limits.body.default}), answered 413.</li>
 * </ul>
 * A body announced larger than the limit is discarded as it arrives rather than left unread, so the client, still
 * sending, gets to read the answer. A body without a length (chunked) is counted while it is read (BodyLimitInterceptor).
 * Larger than {@code quarkus.http.limits.max-body-size}, a body never gets here (BodySizeBackstop).
 */
public class RequestLimits {

    /** Request property: the body limit in bytes, for BodyLimitInterceptor. */
    static final String BODY_LIMIT = RequestLimits.class.getName() + ".body";
    static final String DEFAULT = "default";
    static final String PUBLIC = "public";
    static final String WRITE = "write";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Without any configuration, what a JSON request needs. */
    private static final long FALLBACK_BODY_LIMIT = 1024 * 1024;

    @Inject
    LimitsConfig config;

    @Inject
    RateLimiter limiter;

    @Inject
    CallerToken caller;

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        rateLimits(request.getMethod(), method, resource.getResourceClass(), http);
        long limit = bodyLimit(method);
        Long announced = contentLength(request.getHeaderString("Content-Length"));
        if (announced == null) {
            request.setProperty(BODY_LIMIT, limit);
        } else if (announced > limit) {
            discardBody(http);
            throw new BodyTooLargeException(limit, true);
        }
    }

    private void rateLimits(String httpMethod, Method method, Class<?> resourceClass, HttpServerRequest http) {
        List<Refusal> refusals = new ArrayList<>();
        RateLimited own = method.getAnnotation(RateLimited.class);
        if (isPublic(method, resourceClass)) {
            String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
            take(PUBLIC, client, "per client address", refusals);
            if (own != null) {
                take(own.value(), client, "per client address", refusals);
            }
        } else if (caller.name() != null) {
            if (own != null) {
                String school = caller.claim("school");
                take(own.value(), school != null ? "school " + school : caller.name(), "per school", refusals);
            }
            if (WRITES.contains(httpMethod)) {
                take(WRITE, caller.name(), "per token", refusals);
            }
        }
        if (!refusals.isEmpty()) {
            Refusal first = refusals.get(0);
            long wait = refusals.stream().mapToLong(Refusal::seconds).max().orElse(1);
            throw new RetryLaterException("too many requests; retry after " + wait + " s", first.rule(), wait);
        }
    }

    /** Open without a token: {@code @PermitAll} on the method, or on its class when the method names no roles. */
    private static boolean isPublic(Method method, Class<?> resourceClass) {
        return method.isAnnotationPresent(PermitAll.class) || (resourceClass.isAnnotationPresent(PermitAll.class)
                && !method.isAnnotationPresent(RolesAllowed.class) && !method.isAnnotationPresent(DenyAll.class));
    }

    private void take(String kind, String client, String per, List<Refusal> refusals) {
        long wait = limiter.acquire(kind, kind + "|" + client);
        if (wait > 0) {
            LimitsConfig.Rate rate = limiter.rate(kind);
            String what = kind.equals(WRITE) ? "writes" : kind.equals(PUBLIC) ? "requests" : kind + " requests";
            refusals.add(new Refusal(new FieldError("$", "rate-limit-" + kind,
                    "at most " + rate.requests() + " " + what + " per " + describe(rate.period()) + " " + per), wait));
        }
    }

    static String describe(Duration period) {
        if (period.equals(Duration.ofSeconds(1))) {
            return "second";
        }
        if (period.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (period.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (period.equals(Duration.ofDays(1))) {
            return "day";
        }
        return period.toSeconds() + " s";
    }

    private long bodyLimit(Method method) {
        BodyLimit own = method.getAnnotation(BodyLimit.class);
        String name = own == null ? DEFAULT : own.value();
        MemorySize size = config.body().get(name);
        if (size == null) {
            if (own != null) {
                throw new IllegalStateException("no body limit configured: platform.limits.body." + name);
            }
            return FALLBACK_BODY_LIMIT;
        }
        return size.asLongValue();
    }

    /** Reads the rest of the body into nothing, so that the answer reaches a client that is still sending. */
    private static void discardBody(HttpServerRequest http) {
        if (!http.isEnded()) {
            http.handler(ignored -> {
            });
            http.resume();
        }
    }

    private static Long contentLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Refusal(FieldError rule, long seconds) {
    }
}
