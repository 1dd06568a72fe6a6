package org.techschools.commons.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import org.techschools.commons.config.OutboxConfig;

/**
 * How far the outbox is behind, read from the table itself so that it holds with any number of instances: the events
 * written but not yet on Kafka ({@code outbox.backlog}) and how long the oldest has waited ({@code outbox.oldest.age},
 * seconds). Readiness turns DOWN when that wait passes {@link OutboxConfig#stuckAfter()}.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {

    /** Events waiting and the age of the oldest (zero when none waits). */
    public record Reading(long events, Duration oldestWait) {
    }

    /** The two gauges are read one after the other in a scrape: they share one reading this young. */
    private static final Duration SHARED_BY_GAUGES = Duration.ofSeconds(1);

    private record TakenAt(Reading reading, Instant at) {
    }

    private volatile TakenAt lastForGauges;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    void registerGauges(@Observes StartupEvent event) {
        Gauge.builder("outbox.backlog", this, b -> b.readOrNaN(false)).description("events written but not yet on Kafka")
                .register(registry);
        Gauge.builder("outbox.oldest.age", this, b -> b.readOrNaN(true)).baseUnit("seconds")
                .description("how long the oldest event not yet on Kafka has waited").register(registry);
    }

    public Reading read() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), min(created_at) FROM outbox_event")) {
            r.next();
            OffsetDateTime oldest = r.getObject(2, OffsetDateTime.class);
            return new Reading(r.getLong(1),
                    oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant()));
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox");
        try {
            Reading reading = read();
            boolean stuck = reading.oldestWait().compareTo(config.stuckAfter()) > 0;
            return response.status(!stuck).withData("events", reading.events())
                    .withData("oldestWaitSeconds", reading.oldestWait().toSeconds()).build();
        } catch (SQLException e) {
            // The datasource's own check names the outage; this one only says the backlog is unknown.
            return response.down().withData("events", "unreadable").build();
        }
    }

    private double readOrNaN(boolean age) {
        try {
            Instant now = clock.instant();
            TakenAt last = lastForGauges;
            if (last == null || Duration.between(last.at(), now).compareTo(SHARED_BY_GAUGES) > 0) {
                last = new TakenAt(read(), now);
                lastForGauges = last;
            }
            Reading reading = last.reading();
            return age ? reading.oldestWait().toMillis() / 1000.0 : reading.events();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
