package org.techschools.commons.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON envelope of every event on every topic (schema: deployment/kafka/schemas/envelope.schema.json).
 *
 * @param aggregateId the Kafka key: personKey for enrollment and registration events, school code otherwise
 */
public record EventEnvelope(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String producer,
        String aggregateId, JsonNode payload) {
}
