package org.techschools.commons.limits;

/**
 * A bucket of {@code capacity} request tokens, refilled evenly over {@code periodMillis}: bursts up to the capacity, and
 * on average capacity per period.
 */
final class TokenBucket {

    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long at;

    TokenBucket(int capacity, long periodMillis, long now) {
        this.capacity = capacity;
        this.perMilli = capacity / (double) Math.max(1, periodMillis);
        this.tokens = capacity;
        this.at = now;
    }

    /** Takes one token: 0 when there was one, else the whole seconds (at least 1) until there is. */
    synchronized long take(long now) {
        if (now > at) {
            tokens = Math.min(capacity, tokens + (now - at) * perMilli);
            at = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
    }
}
