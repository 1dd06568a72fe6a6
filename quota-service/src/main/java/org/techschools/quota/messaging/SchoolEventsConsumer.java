package org.techschools.quota.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.SchoolUpserted;
import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.EventPayloads;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.quota.service.SchoolDirectoryCopy;

/** {@code school-events} → the school projection the dashboards name and place schools by. */
@ApplicationScoped
public class SchoolEventsConsumer {

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EventPayloads payloads;

    @Inject
    SchoolDirectoryCopy schools;

    @Incoming("school-events")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return processor.process(Topics.SCHOOL_EVENTS, message, Topics.SCHOOL_EVENTS_VERSIONS, Set.of(), this::apply);
    }

    void apply(EventEnvelope envelope) {
        if (!SchoolUpserted.TYPE.equals(envelope.eventType())) {
            throw new UnprocessableEventException("unknown event type " + envelope.eventType() + " on " + Topics.SCHOOL_EVENTS);
        }
        SchoolUpserted event = payloads.schoolUpserted(envelope);
        schools.upserted(event);
    }
}
