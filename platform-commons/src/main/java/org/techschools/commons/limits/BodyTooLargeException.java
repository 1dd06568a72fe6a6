package org.techschools.commons.limits;

import java.util.List;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/** 413: a request body above its endpoint's limit, named with the rule and the limit (never the size that was sent). */
public class BodyTooLargeException extends ProblemException {

    private final boolean restDiscarded;

    /** @param restDiscarded whether the unread rest of the body is being discarded (else the connection must close) */
    public BodyTooLargeException(long limit, boolean restDiscarded) {
        super(413, "Payload too large", "the request body is larger than " + describe(limit) + ", this endpoint's limit",
                List.of(new FieldError("$", "max-body-size", "a request body here holds at most " + describe(limit))));
        this.restDiscarded = restDiscarded;
    }

    public boolean restDiscarded() {
        return restDiscarded;
    }

    static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
