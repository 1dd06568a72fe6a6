package org.techschools.commons.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.config.OutboxConfig;

/** Appends events to the outbox inside the caller's transaction (transactional outbox pattern). */
@ApplicationScoped
public class Outbox {

    /** Fired after the appending transaction committed, so the relay wakes at once instead of at its next poll. */
    public record Appended() {
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    @Inject
    Event<Appended> appended;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String eventType, String aggregateId, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, 1, Instant.now(), config.producer(),
                aggregateId, mapper.valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.aggregateId = aggregateId;
        row.eventType = eventType;
        row.createdAt = envelope.occurredAt();
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + eventType, e);
        }
        row.persist();
        appended.fire(new Appended());
        return envelope;
    }
}
