package org.techschools.commons.limits;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request body limits and rate limits ({@code platform.limits.*}); see each service's application.properties. */
@ConfigMapping(prefix = "platform.limits")
public interface LimitsConfig {

    /** The largest request body per limit name: {@code default} for every endpoint, others named by {@link BodyLimit}. */
    Map<String, MemorySize> body();

    /**
     * Token buckets per kind: {@code public} (per client address), {@code write} (every POST, PUT, PATCH and DELETE, per
     * token subject) and those named by {@link RateLimited}.
     */
    Map<String, Rate> rate();

    /** Clients remembered per kind at most; beyond it the least recently seen start again with a full bucket. */
    @WithDefault("100000")
    int maxClients();

    /** {@code requests} per {@code period}, in bursts of up to {@code requests}: a bucket refilled evenly over the period. */
    interface Rate {

        int requests();

        Duration period();
    }
}
