package org.techschools.quota.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.MalformedEventException;

/** Reads an envelope's payload into its event record; a payload that cannot be read is malformed (dead-lettered). */
@ApplicationScoped
public class EventPayloads {

    @Inject
    ObjectMapper mapper;

    public <T> T read(EventEnvelope envelope, Class<T> type) {
        try {
            T event = mapper.treeToValue(envelope.payload(), type);
            if (event == null) {
                throw new MalformedEventException(envelope.eventType() + " " + envelope.eventId() + " has no payload");
            }
            return event;
        } catch (MalformedEventException e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedEventException("payload of " + envelope.eventType() + " " + envelope.eventId()
                    + " is not a valid " + type.getSimpleName(), e);
        }
    }

    /** Fails the event as malformed unless the condition holds. */
    public static void require(boolean condition, EventEnvelope envelope, String field) {
        if (!condition) {
            throw new MalformedEventException(envelope.eventType() + " " + envelope.eventId() + " lacks a valid " + field);
        }
    }
}
