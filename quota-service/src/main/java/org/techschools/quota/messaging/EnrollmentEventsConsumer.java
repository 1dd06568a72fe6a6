package org.techschools.quota.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.EventPayloads;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.quota.service.EnrollmentProjection;

/**
 * {@code enrollment-events} → counters of actual enrollment. Each event is applied once (processed_event) in the
 * same transaction as its effect; anything unreadable goes to {@code dlq.quota-service}.
 */
@ApplicationScoped
public class EnrollmentEventsConsumer {

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EventPayloads payloads;

    @Inject
    EnrollmentProjection projection;

    /**
     * Consumed in polled batches, one transaction each, applied together (one read and a few writes per batch): a
     * replay of the whole topic is the counters' rebuild.
     */
    @Incoming("enrollment-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return processor.processBatchAtOnce(Topics.ENROLLMENT_EVENTS, batch, Topics.ENROLLMENT_EVENTS_VERSIONS, this::apply);
    }

    void apply(List<EventEnvelope> envelopes) {
        projection.apply(envelopes.stream().map(this::change).toList());
    }

    private EnrollmentProjection.Change change(EventEnvelope envelope) {
        return switch (envelope.eventType()) {
            case EnrollmentRecorded.TYPE, EnrollmentRecorded.CORRECTED ->
                    new EnrollmentProjection.Recorded(payloads.enrollmentRecorded(envelope));
            case EnrollmentWithdrawn.TYPE -> new EnrollmentProjection.Withdrawn(payloads.enrollmentWithdrawn(envelope));
            default -> throw new UnprocessableEventException("unknown event type " + envelope.eventType() + " on "
                    + Topics.ENROLLMENT_EVENTS);
        };
    }
}
