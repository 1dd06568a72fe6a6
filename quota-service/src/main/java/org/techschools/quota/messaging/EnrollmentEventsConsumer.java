package org.techschools.quota.messaging;

import static org.techschools.quota.messaging.EventPayloads.require;

import java.util.Set;
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
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.MalformedEventException;
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

    /** Consumed in polled batches, one transaction each: a replay of the whole topic is the counters' rebuild. */
    @Incoming("enrollment-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return processor.processBatch(Topics.ENROLLMENT_EVENTS, batch, Set.of(1), this::apply);
    }

    void apply(EventEnvelope envelope) {
        switch (envelope.eventType()) {
            case EnrollmentRecorded.TYPE, EnrollmentRecorded.CORRECTED -> projection.recorded(recorded(envelope));
            case EnrollmentWithdrawn.TYPE -> projection.withdrawn(withdrawn(envelope));
            default -> throw new MalformedEventException("unknown event type " + envelope.eventType() + " on "
                    + Topics.ENROLLMENT_EVENTS);
        }
    }

    private EnrollmentRecorded recorded(EventEnvelope envelope) {
        EnrollmentRecorded event = payloads.read(envelope, EnrollmentRecorded.class);
        require(event.enrollmentId() != null, envelope, "enrollmentId");
        require(event.version() >= 1, envelope, "version");
        require(notBlank(event.schoolCode()), envelope, "schoolCode");
        require(notBlank(event.majorCode()), envelope, "majorCode");
        require(event.classLevel() != null, envelope, "classLevel");
        require(event.studyMode() != null, envelope, "studyMode");
        require(event.intakeYear() > 0, envelope, "intakeYear");
        require(event.intakeSeason() != null, envelope, "intakeSeason");
        require(event.enrolledOn() != null, envelope, "enrolledOn");
        require(notBlank(event.schoolProvinceCode()), envelope, "schoolProvinceCode");
        require(notBlank(event.schoolCityCode()), envelope, "schoolCityCode");
        return event;
    }

    private EnrollmentWithdrawn withdrawn(EventEnvelope envelope) {
        EnrollmentWithdrawn event = payloads.read(envelope, EnrollmentWithdrawn.class);
        require(event.enrollmentId() != null, envelope, "enrollmentId");
        require(notBlank(event.schoolCode()), envelope, "schoolCode");
        return event;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
