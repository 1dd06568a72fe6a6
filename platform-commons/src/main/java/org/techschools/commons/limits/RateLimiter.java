package org.techschools.commons.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per client and kind of limit, in memory: bounded in number (least recently seen dropped first) and
 * dropped after a period without requests, when it would be full again anyway. Each instance of a service counts its own
 * requests, so behind a balancer of N instances a client gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {

    /** What a service that configures none of them gets: 120 public requests a minute, 300 writes a second. */
    private static final Map<String, LimitsConfig.Rate> DEFAULTS = Map.of(
            RequestLimits.PUBLIC, new Fixed(120, Duration.ofMinutes(1)),
            RequestLimits.WRITE, new Fixed(300, Duration.ofSeconds(1)));

    @Inject
    LimitsConfig config;

    @Inject
    Clock clock;

    private final Map<String, Cache<String, TokenBucket>> kinds = new ConcurrentHashMap<>();

    /**
     * Counts one request of {@code client} against the limit {@code platform.limits.rate.<kind>}.
     *
     * @return 0 when the request may go ahead, else the whole seconds until it may (the Retry-After)
     */
    public long acquire(String kind, String client) {
        LimitsConfig.Rate rate = rate(kind);
        Cache<String, TokenBucket> buckets = kinds.computeIfAbsent(kind, k -> Caffeine.newBuilder()
                .maximumSize(config.maxClients())
                .expireAfterAccess(rate.period())
                .build());
        long now = clock.millis();
        return buckets.get(client, c -> new TokenBucket(rate.requests(), rate.period().toMillis(), now)).take(now);
    }

    /**
     * The configured limit; without one, the public and write limits of every service apply, and any other kind is a
     * deployment error, answered as such rather than left unlimited.
     */
    LimitsConfig.Rate rate(String kind) {
        LimitsConfig.Rate rate = config.rate().get(kind);
        if (rate == null) {
            rate = DEFAULTS.get(kind);
        }
        if (rate == null) {
            throw new IllegalStateException("no rate limit configured: platform.limits.rate." + kind + ".requests/.period");
        }
        return rate;
    }

    private record Fixed(int requests, Duration period) implements LimitsConfig.Rate {
    }
}
