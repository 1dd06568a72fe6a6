package org.techschools.registration.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.SchoolUpserted;
import org.techschools.commons.messaging.EventPayloads;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.registration.service.SchoolDirectoryCopy;

/** Consumes {@code school-events} into our projection of the school directory (event-carried state transfer). */
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
        return processor.process(Topics.SCHOOL_EVENTS, message, Topics.SCHOOL_EVENTS_VERSIONS, Set.of(), envelope -> {
            if (!SchoolUpserted.TYPE.equals(envelope.eventType())) {
                throw new UnprocessableEventException("unknown event type " + envelope.eventType() + " on " + Topics.SCHOOL_EVENTS);
            }
            schools.upsert(payloads.schoolUpserted(envelope));
        });
    }
}
