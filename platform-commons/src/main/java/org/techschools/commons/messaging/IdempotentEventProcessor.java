package org.techschools.commons.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.techschools.commons.persistence.PlainSql;

import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies a consumed event exactly once in effect: the eventId goes into {@code processed_event} in the
 * same transaction as the handler's changes. A database outage is retried until the database is back
 * (never skipped); a message that can never be applied throws {@link UnprocessableEventException}, which the
 * channel's dead-letter strategy routes to the service's dead-letter topic with the reason.
 */
@ApplicationScoped
public class IdempotentEventProcessor {

    private static final Logger LOG = Logger.getLogger(IdempotentEventProcessor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_CONFLICT_RETRIES = 5;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    EventTraces traces;

    /** Set when the service begins to stop: from then on no event is applied, acknowledged or dead-lettered. */
    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Processes one message of a channel whose method takes the {@link Message}: acknowledged when applied (or applied
     * before), dead-lettered when it can never be applied, and left unacknowledged while the service stops — its
     * offset is then never committed, so whoever owns the partition next (this service restarted, or another
     * instance) applies it. A method taking the payload could not do that last part: returning acknowledges, throwing
     * dead-letters.
     */
    public CompletionStage<Void> process(String topic, Message<String> message, Set<Integer> supportedVersions,
            Set<String> readPast, Consumer<EventEnvelope> handler) {
        try {
            Context arrivedIn = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(kafka -> traces.arrivedIn(kafka.getHeaders())).orElse(Context.root());
            process(topic, message.getPayload(), supportedVersions, readPast, handler, arrivedIn);
            return message.ack();
        } catch (UnprocessableEventException e) {
            return message.nack(e);
        } catch (ServiceStopping e) {
            return new CompletableFuture<>();
        }
    }

    /**
     * @param topic             where the message came from (recorded with the processed eventId)
     * @param raw               the message value
     * @param supportedVersions the schema versions this consumer understands
     * @param handler           applies the event; runs inside the transaction
     * @return true when the event was applied now, false when it had been applied before
     */
    public boolean process(String topic, String raw, Set<Integer> supportedVersions, Consumer<EventEnvelope> handler) {
        return process(topic, raw, supportedVersions, Set.of(), handler);
    }

    /**
     * As {@link #process(String, String, Set, Consumer)}, reading past an event of the types {@code readPast}: it
     * changes nothing in this service, so it gets no transaction and no processed-event row (the result is false).
     */
    public boolean process(String topic, String raw, Set<Integer> supportedVersions, Set<String> readPast,
            Consumer<EventEnvelope> handler) {
        return process(topic, raw, supportedVersions, readPast, handler, Context.root());
    }

    /** As above, applying the event in the trace it arrived in (its record's traceparent header). */
    private boolean process(String topic, String raw, Set<Integer> supportedVersions, Set<String> readPast,
            Consumer<EventEnvelope> handler, Context arrivedIn) {
        EventEnvelope envelope = parse(raw, supportedVersions);
        if (readPast.contains(envelope.eventType())) {
            return false;
        }
        try (EventTraces.Applying applying = traces.applying(topic, envelope, arrivedIn)) {
            return inTransaction(topic, List.of(envelope),
                    () -> apply(topic, List.of(envelope), events -> handler.accept(events.get(0))));
        }
    }

    /**
     * Applies a polled batch in one transaction: one commit for hundreds of events is what lets a replay of the topic
     * keep up. The handler gets all of the batch's events not applied before (in offset order, each eventId once) in
     * one call, so it can read and write per batch instead of per event. An unreadable record is dead-lettered on its
     * own; when the call fails, it is called again with one event at a time, each in its own transaction, so only the
     * failing event is dead-lettered and the others still count.
     *
     * @return completes when every dead-lettered record is on the dead-letter topic and the batch is acknowledged
     */
    public CompletionStage<Void> processBatchAtOnce(String topic, KafkaRecordBatch<String, String> batch,
            Set<Integer> supportedVersions, Consumer<List<EventEnvelope>> handler) {
        return processBatchAtOnce(topic, batch, supportedVersions, Set.of(), handler);
    }

    /**
     * As {@link #processBatchAtOnce(String, KafkaRecordBatch, Set, Consumer)}, reading past the events of the types
     * {@code readPast}: they change nothing in this service, so they are acknowledged without a processed-event row.
     */
    public CompletionStage<Void> processBatchAtOnce(String topic, KafkaRecordBatch<String, String> batch,
            Set<Integer> supportedVersions, Set<String> readPast, Consumer<List<EventEnvelope>> handler) {
        return processBatchAtOnce(topic, batch, supportedVersions, envelope -> readPast.contains(envelope.eventType()), handler);
    }

    /**
     * As {@link #processBatchAtOnce(String, KafkaRecordBatch, Set, Set, Consumer)}, reading past the events
     * {@code readPast} accepts: for a consumer that needs some events of a type (by a payload field) and none of the rest.
     */
    public CompletionStage<Void> processBatchAtOnce(String topic, KafkaRecordBatch<String, String> batch,
            Set<Integer> supportedVersions, Predicate<EventEnvelope> readPast, Consumer<List<EventEnvelope>> handler) {
        if (stopping) {
            return new CompletableFuture<>();
        }
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<EventEnvelope> envelopes = new ArrayList<>();
        List<Context> arrivedIn = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                EventEnvelope envelope = parse(record.getPayload(), supportedVersions);
                if (!readPast.test(envelope)) {
                    envelopes.add(envelope);
                    readable.add(record);
                    arrivedIn.add(traces.arrivedIn(record.getHeaders()));
                }
            } catch (UnprocessableEventException e) {
                deadLettered.add(record.nack(e).toCompletableFuture());
            }
        }
        return traces.inBatch(envelopes, arrivedIn,
                () -> applyBatch(topic, batch, envelopes, readable, deadLettered, handler));
    }

    /** Applies the batch's readable events in one transaction, or one by one when that fails. */
    private CompletionStage<Void> applyBatch(String topic, KafkaRecordBatch<String, String> batch,
            List<EventEnvelope> envelopes, List<KafkaRecord<String, String>> readable,
            List<CompletableFuture<Void>> deadLettered, Consumer<List<EventEnvelope>> handler) {
        try {
            inTransaction(topic, envelopes, () -> apply(topic, envelopes, handler));
        } catch (ServiceStopping e) {
            return new CompletableFuture<>();
        } catch (UnprocessableEventException batchFailed) {
            LOG.debugf("a batch of %s failed (%s); applying its events one by one", topic, batchFailed.getMessage());
            for (int i = 0; i < envelopes.size(); i++) {
                EventEnvelope envelope = envelopes.get(i);
                try {
                    inTransaction(topic, List.of(envelope), () -> apply(topic, List.of(envelope), handler));
                } catch (ServiceStopping e) {
                    return new CompletableFuture<>();
                } catch (UnprocessableEventException e) {
                    deadLettered.add(readable.get(i).nack(e).toCompletableFuture());
                }
            }
        }
        CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    /** Marks the events processed with one statement and hands the ones that were new to the handler. */
    private boolean apply(String topic, List<EventEnvelope> envelopes, Consumer<List<EventEnvelope>> handler) {
        Set<UUID> fresh = markProcessed(envelopes, topic);
        List<EventEnvelope> toApply = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            if (fresh.remove(envelope.eventId())) {
                toApply.add(envelope);
            }
        }
        if (!toApply.isEmpty()) {
            handler.accept(toApply);
        }
        return !toApply.isEmpty();
    }

    /**
     * Runs work in a new transaction until it commits: outages wait, races retry, anything else is malformed. Log lines
     * written meanwhile carry the topic and, for a single event, its id and type in the MDC (fields of the production
     * JSON log), so an operator can follow one event from the producer's outbox to its consumers.
     */
    private boolean inTransaction(String topic, List<EventEnvelope> envelopes, Callable<Boolean> work) {
        EventEnvelope single = envelopes.size() == 1 ? envelopes.get(0) : null;
        String what = single != null ? single.eventType() + " " + single.eventId()
                : envelopes.size() + " events of " + topic;
        MDC.put("topic", topic);
        if (single != null) {
            MDC.put("eventId", single.eventId().toString());
            MDC.put("eventType", single.eventType());
        }
        try {
            return retryUntilCommitted(what, work);
        } finally {
            MDC.remove("topic");
            MDC.remove("eventId");
            MDC.remove("eventType");
        }
    }

    private boolean retryUntilCommitted(String what, Callable<Boolean> work) {
        Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
        int conflicts = 0;
        while (true) {
            if (stopping) {
                throw new ServiceStopping();
            }
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (UnprocessableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    // The service closes its datasource and container under the event: not the event's fault.
                    throw new ServiceStopping();
                }
                if (TransientFailures.isConstraintRace(e) && ++conflicts <= MAX_CONFLICT_RETRIES) {
                    LOG.debugf("%s hit a concurrent insert, retrying", what);
                } else if (TransientFailures.isTransient(e)) {
                    LOG.warnf("database unavailable while applying %s (%s); retrying in %d ms", what,
                            TransientFailures.describe(e), backoff.nextMillis());
                    if (!backoff.pause()) {
                        throw new IllegalStateException("interrupted while waiting for the database", e);
                    }
                } else {
                    throw new UnprocessableEventException("cannot apply " + what + ": " + e.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** The eventIds inserted now: a redelivered event, or a second copy within the list, is not among them. */
    private Set<UUID> markProcessed(List<EventEnvelope> envelopes, String topic) {
        List<String> ids = envelopes.stream().map(e -> e.eventId().toString()).toList();
        List<String> types = envelopes.stream().map(EventEnvelope::eventType).toList();
        return new HashSet<>(PlainSql.list("INSERT INTO processed_event"
                + " (event_id, topic, event_type, processed_at) SELECT e.id::uuid, ?, e.type, ?"
                + " FROM unnest(?::varchar[], ?::varchar[]) AS e (id, type)"
                + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id", PlainSql::uuid,
                topic, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                PlainSql.array("varchar", ids), PlainSql.array("varchar", types)));
    }

    /** Reads and checks the envelope; anything unreadable is malformed, never retried. */
    public EventEnvelope parse(String raw, Set<Integer> supportedVersions) {
        if (raw == null || raw.isBlank()) {
            throw new UnprocessableEventException("empty message");
        }
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (Exception e) {
            throw new UnprocessableEventException("not JSON");
        }
        for (String field : new String[] { "eventId", "eventType", "schemaVersion", "occurredAt", "producer", "aggregateId", "payload" }) {
            if (node == null || !node.hasNonNull(field)) {
                throw new UnprocessableEventException("envelope lacks " + field);
            }
        }
        int version = node.get("schemaVersion").asInt(-1);
        if (!supportedVersions.contains(version)) {
            throw new UnprocessableEventException("unknown schemaVersion " + node.get("schemaVersion").asText()
                    + " of " + node.get("eventType").asText());
        }
        try {
            return new EventEnvelope(UUID.fromString(node.get("eventId").asText()), node.get("eventType").asText(), version,
                    Instant.parse(node.get("occurredAt").asText()), node.get("producer").asText(),
                    node.get("aggregateId").asText(), node.get("payload"));
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("envelope has an invalid eventId or occurredAt");
        }
    }


    /** Thrown while the service stops, so the event is neither acknowledged nor dead-lettered. */
    static final class ServiceStopping extends RuntimeException {
        ServiceStopping() {
            super("the service is stopping", null, false, false);
        }
    }
}
