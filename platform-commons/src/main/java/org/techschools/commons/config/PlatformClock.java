package org.techschools.commons.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of every service (UTC), for rules that depend on time (rate limits, daily quotas): injected, so they read
 * one source. It takes precedence over a service's own {@code @DefaultBean} clock.
 */
public class PlatformClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
