package org.techschools.quota.messaging;

import java.util.concurrent.CompletionStage;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.RegistrationChanged;
import org.techschools.commons.events.RegistrationCheckCompleted;
import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.EventPayloads;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.quota.service.RegistrationProjection;

/**
 * {@code registration-events} → the count of ACTIVE 学籍 (在籍) beside actual enrollment, and transfers (转入) moving a
 * record's counts to the receiving school. Applied once per eventId
 * (processed_event) in one transaction with its effect; check results are enrollment-service's business and skipped
 * without a trace; anything unreadable goes to {@code dlq.quota-service}.
 */
@ApplicationScoped
public class RegistrationEventsConsumer {

    private static final Set<Integer> VERSIONS = Set.of(1);

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EventPayloads payloads;

    @Inject
    RegistrationProjection projection;

    @Incoming("registration-events")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return processor.process(Topics.REGISTRATION_EVENTS, message, VERSIONS, Set.of(RegistrationCheckCompleted.TYPE),
                this::apply);
    }

    void apply(EventEnvelope envelope) {
        if (!RegistrationChanged.TYPE.equals(envelope.eventType())) {
            throw new UnprocessableEventException("unknown event type " + envelope.eventType() + " on "
                    + Topics.REGISTRATION_EVENTS);
        }
        RegistrationChanged event = payloads.registrationChanged(envelope);
        projection.changed(event);
    }
}
