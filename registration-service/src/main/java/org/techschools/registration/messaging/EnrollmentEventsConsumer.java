package org.techschools.registration.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.events.EnrollmentWithdrawn;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.MalformedEventException;
import org.techschools.registration.service.Registry;
import org.techschools.registration.service.RegistryGate;

/**
 * Consumes {@code enrollment-events}: every recorded, corrected or withdrawn enrollment record updates the
 * 学籍 registry and triggers the duplicate checks. Messages are processed one at a time in partition order
 * (one person's events share a partition), each exactly once in effect. While the registry is rebuilt, the
 * rebuild applies them instead (see {@link RegistryGate}).
 */
@ApplicationScoped
public class EnrollmentEventsConsumer {

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EventPayloads payloads;

    @Inject
    Registry registry;

    @Inject
    RegistryGate gate;

    @Incoming("enrollment-events")
    @Blocking
    public void on(String raw) {
        gate.live(() -> apply(raw));
    }

    /**
     * Applies one message of the topic, exactly once in effect; the live consumer and the rebuild both come here.
     *
     * @return false when the event had been applied before
     * @throws MalformedEventException when the message can never be applied
     */
    public boolean apply(String raw) {
        return processor.process(Topics.ENROLLMENT_EVENTS, raw, Set.of(1), envelope -> {
            switch (envelope.eventType()) {
                case EnrollmentRecorded.TYPE, EnrollmentRecorded.CORRECTED -> registry.apply(payloads.enrollmentRecorded(envelope));
                case EnrollmentWithdrawn.TYPE -> registry.withdraw(payloads.enrollmentWithdrawn(envelope));
                default -> throw new MalformedEventException("unknown event type " + envelope.eventType() + " on "
                        + Topics.ENROLLMENT_EVENTS);
            }
        });
    }
}
