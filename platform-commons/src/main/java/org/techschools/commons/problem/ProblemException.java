package org.techschools.commons.problem;

import java.util.List;

/** Thrown by resources and services to answer with a problem document; nothing the request did is kept. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 422: the request is well-formed JSON but breaks domain rules. */
    public static ProblemException unprocessable(List<FieldError> errors) {
        return new ProblemException(422, "Unprocessable entity", errors.size() + " rule(s) broken", errors);
    }

    /** 400: required fields missing or of the wrong shape. */
    public static ProblemException badRequest(List<FieldError> errors) {
        return new ProblemException(400, "Bad request", errors.size() + " field(s) invalid", errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " not found", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    /** 403 naming the fields whose change the caller's role or region does not cover, and the rule each breaks. */
    public static ProblemException forbidden(String detail, List<FieldError> errors) {
        return new ProblemException(403, "Forbidden", detail, errors);
    }

    public static ProblemException conflict(String detail, List<FieldError> errors) {
        return new ProblemException(409, "Conflict", detail, errors);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors.isEmpty() ? null : errors);
    }
}
