package org.techschools.commons.messaging;

import java.time.Duration;

/**
 * The wait between attempts while the database or the broker is away: the first delay, doubled after each pause up to
 * a maximum, back to the first after {@link #reset()}. Not thread-safe: one per retrying loop.
 */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    /** How long the next {@link #pause()} waits, for the log line that announces it. */
    public long nextMillis() {
        return nextMillis;
    }

    /**
     * Waits the next delay and doubles it for the time after.
     *
     * @return false when the thread was interrupted during the wait (its interrupt flag is set again)
     */
    public boolean pause() {
        long millis = nextMillis;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** After a success: the next outage starts again from the first delay. */
    public void reset() {
        nextMillis = firstMillis;
    }
}
