package org.techschools.registration.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.EventPayloads;
import org.techschools.commons.messaging.EventTraces;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.registration.service.LookalikeBlockLocks;
import org.techschools.registration.service.Registry;
import org.techschools.registration.service.RegistryGate;

/**
 * Consumes {@code enrollment-events}: every recorded, corrected or withdrawn enrollment record updates the
 * 学籍 registry and triggers the duplicate checks. Messages are processed in partition order (one person's
 * events share a partition), each exactly once in effect. While the registry is rebuilt, the rebuild applies them
 * instead (see {@link RegistryGate}).
 */
@ApplicationScoped
public class EnrollmentEventsConsumer {

    private static final Set<Integer> VERSIONS = Topics.ENROLLMENT_EVENTS_VERSIONS;

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EventPayloads payloads;

    @Inject
    Registry registry;

    @Inject
    RegistryGate gate;

    @Inject
    EventTraces traces;

    /**
     * Consumed in polled batches, one transaction each: one commit per event cannot keep up with 500 enrollments/s.
     * The events of a batch see each other's 学籍, as the queries of the checks flush the transaction's inserts first.
     * Several consumers run at once ({@code concurrency} in application.properties); see {@link LookalikeBlockLocks}.
     */
    @Incoming("enrollment-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        AtomicReference<CompletionStage<Void>> applied = new AtomicReference<>();
        boolean live = gate.live(() -> applied.set(processor.processBatchAtOnce(Topics.ENROLLMENT_EVENTS, batch, VERSIONS,
                this::applyEvents)));
        // Left to a running rebuild, which reads the topic itself: the live consumer only moves past the batch.
        return live ? applied.get() : batch.ack();
    }

    /**
     * Applies one message of the topic, exactly once in effect (the registry rebuild comes here).
     *
     * @return false when the event had been applied before
     * @throws UnprocessableEventException when the message can never be applied
     */
    public boolean apply(String raw) {
        return processor.process(Topics.ENROLLMENT_EVENTS, raw, VERSIONS, envelope -> applyEvents(List.of(envelope)));
    }

    private void applyEvents(List<EventEnvelope> envelopes) {
        registry.applyInOrder(traces.traced(Topics.ENROLLMENT_EVENTS, envelopes, this::read));
    }

    private Object read(EventEnvelope envelope) {
        return switch (envelope.eventType()) {
            case EnrollmentRecorded.TYPE, EnrollmentRecorded.CORRECTED -> payloads.enrollmentRecorded(envelope);
            case EnrollmentWithdrawn.TYPE -> payloads.enrollmentWithdrawn(envelope);
            default -> throw new UnprocessableEventException("unknown event type " + envelope.eventType() + " on "
                    + Topics.ENROLLMENT_EVENTS);
        };
    }
}
