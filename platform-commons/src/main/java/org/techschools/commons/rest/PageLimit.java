package org.techschools.commons.rest;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

import java.util.List;

/** The {@code limit} query parameter of a paged list: a page size from 1 to the list's maximum; beyond it 400, not clamped. */
public final class PageLimit {

    private PageLimit() {
    }

    /** @return {@code defaultSize} when absent; 400 naming {@code limit} and rule {@code out-of-range} when not 1 to max */
    public static int parse(String value, int defaultSize, int maxSize) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        String text = value.trim();
        if (text.matches("[0-9]{1,9}")) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= maxSize) {
                return limit;
            }
        }
        throw ProblemException.badRequest(List.of(new FieldError("limit", "out-of-range",
                "limit must be a whole number from 1 to " + maxSize)));
    }
}
