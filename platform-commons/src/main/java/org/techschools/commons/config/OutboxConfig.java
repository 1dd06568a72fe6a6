package org.techschools.commons.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay ({@code platform.outbox.*}). */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** Written into every envelope's {@code producer} field, e.g. {@code enrollment-service}. */
    String producer();

    /** Rows published per broker round trip. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows when nothing woke it. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Pause after a failed publish (broker or database down) before the next attempt. */
    @WithDefault("PT1S")
    Duration retryBackoff();

    /**
     * How often the relay claims from the start of the table instead of from the last row it sent: for rows of another
     * instance's transactions that committed below that row (this instance's own transactions tell the relay at once).
     */
    @WithDefault("PT5S")
    Duration fullScanInterval();

    /**
     * How long the oldest event not yet on Kafka may wait before readiness reports the outbox stuck: no relay of any
     * instance is getting through (broker unreachable, relay wedged). A burst drains far faster than this.
     */
    @WithDefault("PT5M")
    Duration stuckAfter();

    /** Off in tests that publish through other means; the relay runs in every real deployment. */
    @WithDefault("true")
    boolean enabled();
}
