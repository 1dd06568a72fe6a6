package org.techschools.commons.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
        return inTransaction(envelope.eventType() + " " + envelope.eventId(), () -> apply(topic, envelope, handler));
    }

    /**
     * Applies a polled batch in one transaction: one commit for hundreds of events is what lets a replay of the
     * topic keep up. An unreadable record is dead-lettered on its own; when any event fails to apply, the batch
     * falls back to one transaction per event, so only that event is dead-lettered and the others still count.
     *
     * @return completes when every dead-lettered record is on the dead-letter topic and the batch is acknowledged
     */
    public CompletionStage<Void> processBatch(String topic, KafkaRecordBatch<String, String> batch, Set<Integer> supportedVersions,
            Consumer<EventEnvelope> handler) {
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                envelopes.add(parse(record.getPayload(), supportedVersions));
                readable.add(record);
            } catch (MalformedEventException e) {
                deadLettered.add(record.nack(e).toCompletableFuture());
            }
        }
        try {
            inTransaction(envelopes.size() + " events of " + topic, () -> {
                envelopes.forEach(envelope -> apply(topic, envelope, handler));
                return true;
            });
        } catch (MalformedEventException batchFailed) {
            LOG.debugf("a batch of %s failed (%s); applying its events one by one", topic, batchFailed.getMessage());
            for (int i = 0; i < envelopes.size(); i++) {
                EventEnvelope envelope = envelopes.get(i);
                try {
                    inTransaction(envelope.eventType() + " " + envelope.eventId(), () -> apply(topic, envelope, handler));
                } catch (MalformedEventException e) {
                    deadLettered.add(readable.get(i).nack(e).toCompletableFuture());
                }
            }
        }
        CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    private boolean apply(String topic, EventEnvelope envelope, Consumer<EventEnvelope> handler) {
        if (!markProcessed(envelope, topic)) {
            return false;
        }
        handler.accept(envelope);
        return true;
    }

    /** Runs work in a new transaction until it commits: outages wait, races retry, anything else is malformed. */
    private boolean inTransaction(String what, Callable<Boolean> work) {
        long backoff = 100;
        int conflicts = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (TransientFailures.isConstraintRace(e) && ++conflicts <= MAX_CONFLICT_RETRIES) {
                    LOG.debugf("%s hit a concurrent insert, retrying", what);
                } else if (TransientFailures.isTransient(e)) {
                    LOG.warnf("database unavailable while applying %s (%s); retrying in %d ms", what,
                            TransientFailures.describe(e), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                } else {
                    throw new MalformedEventException("cannot apply " + what + ": " + e.getClass().getSimpleName(), e);
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
