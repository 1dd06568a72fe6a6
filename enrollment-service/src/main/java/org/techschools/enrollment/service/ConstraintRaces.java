package org.techschools.enrollment.service;

import java.util.function.Supplier;

import org.techschools.commons.messaging.TransientFailures;

/**
 * Two pushes of one new record racing each other: the loser's transaction hits the unique key and rolls back; run
 * again, it finds the winner's row and answers UNCHANGED or CORRECTED.
 */
public final class ConstraintRaces {

    private ConstraintRaces() {
    }

    /** @param transaction a call that runs (and commits or rolls back) its own transaction */
    public static <T> T retryOnce(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            if (!TransientFailures.isConstraintRace(e)) {
                throw e;
            }
            return transaction.get();
        }
    }
}
