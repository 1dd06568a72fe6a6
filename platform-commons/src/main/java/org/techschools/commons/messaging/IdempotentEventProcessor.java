package org.techschools.commons.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a consumed event exactly once in effect: the eventId goes into {@code processed_event} in the
 * same transaction as the handler's changes. A database outage is retried until the database is back
 * (never skipped); a message that can never be applied throws {@link MalformedEventException}, which the
 * channel's dead-letter strategy routes to the service's dead-letter topic with the reason.
 */
@ApplicationScoped
public class IdempotentEventProcessor {

    private static final Logger LOG = Logger.getLogger(IdempotentEventProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_CONFLICT_RETRIES = 5;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    /**
     * @param topic             where the message came from (recorded with the processed eventId)
     * @param raw               the message value
     * @param supportedVersions the schema versions this consumer understands
     * @param handler           applies the event; runs inside the transaction
     * @return true when the event was applied now, false when it had been applied before
     */
    public boolean process(String topic, String raw, Set<Integer> supportedVersions, Consumer<EventEnvelope> handler) {
        EventEnvelope envelope = parse(raw, supportedVersions);
        long backoff = 100;
        int conflicts = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(envelope, topic)) {
                        return false;
                    }
                    handler.accept(envelope);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (TransientFailures.isConstraintRace(e) && ++conflicts <= MAX_CONFLICT_RETRIES) {
                    LOG.debugf("event %s hit a concurrent insert, retrying", envelope.eventId());
                } else if (TransientFailures.isTransient(e)) {
                    LOG.warnf("database unavailable while applying event %s (%s); retrying in %d ms",
                            envelope.eventId(), TransientFailures.describe(e), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                } else {
                    throw new MalformedEventException("cannot apply " + envelope.eventType() + " " + envelope.eventId()
                            + ": " + e.getClass().getSimpleName(), e);
                }
            }
        }
    }

    private boolean markProcessed(EventEnvelope envelope, String topic) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, topic, event_type, processed_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, envelope.eventId())
                .setParameter(2, topic)
                .setParameter(3, envelope.eventType())
                .setParameter(4, Instant.now())
                .executeUpdate() == 1;
    }

    /** Reads and checks the envelope; anything unreadable is malformed, never retried. */
    public EventEnvelope parse(String raw, Set<Integer> supportedVersions) {
        if (raw == null || raw.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (Exception e) {
            throw new MalformedEventException("not JSON");
        }
        for (String field : new String[] { "eventId", "eventType", "schemaVersion", "occurredAt", "producer", "aggregateId", "payload" }) {
            if (node == null || !node.hasNonNull(field)) {
                throw new MalformedEventException("envelope lacks " + field);
            }
        }
        int version = node.get("schemaVersion").asInt(-1);
        if (!supportedVersions.contains(version)) {
            throw new MalformedEventException("unknown schemaVersion " + node.get("schemaVersion").asText()
                    + " of " + node.get("eventType").asText());
        }
        try {
            return new EventEnvelope(UUID.fromString(node.get("eventId").asText()), node.get("eventType").asText(), version,
                    Instant.parse(node.get("occurredAt").asText()), node.get("producer").asText(),
                    node.get("aggregateId").asText(), node.get("payload"));
        } catch (RuntimeException e) {
            throw new MalformedEventException("envelope has an invalid eventId or occurredAt");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
