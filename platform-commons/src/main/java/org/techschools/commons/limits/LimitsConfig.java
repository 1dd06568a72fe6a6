package org.techschools.commons.limits;

import java.time.Duration;
import java.time.ZoneId;
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

    /** Reveals of full ID numbers (enrollment-service, 身份证号查看): a daily quota per person, not a rate. */
    Reveal reveal();

    /** {@code requests} per {@code period}, in bursts of up to {@code requests}: a bucket refilled evenly over the period. */
    interface Rate {

        int requests();

        Duration period();
    }

    interface Reveal {

        /** Reveals one person (token subject) may make per calendar day. */
        @WithDefault("50")
        int perDay();

        /** Where the calendar day is counted. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }
}
