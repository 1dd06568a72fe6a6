package org.techschools.commons.limits;

import java.util.List;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/** 429 Too Many Requests with the seconds after which the same request may succeed (answered as Retry-After). */
public class RetryLaterException extends ProblemException {

    private final long retryAfterSeconds;

    public RetryLaterException(String detail, FieldError rule, long retryAfterSeconds) {
        super(429, "Too many requests", detail, List.of(rule));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
