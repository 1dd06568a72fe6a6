package org.techschools.enrollment.service;

import java.util.List;

import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/**
 * The free-text reason a caller gives for a withdrawal or a reveal. It ends up in events and access logs, so a
 * reason that contains something shaped like an ID number is refused rather than spread.
 */
public final class Reasons {

    static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    /** @return the stripped reason; 400 naming {@code field} when missing or too long, 422 when it holds an ID number */
    public static String require(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest(List.of(new FieldError(field, "required", field + " is required")));
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(List.of(new FieldError(field, "max-length", field + " is at most " + MAX_LENGTH + " characters")));
        }
        IdNumberShape.refuse(field, stripped);
        return stripped;
    }
}
