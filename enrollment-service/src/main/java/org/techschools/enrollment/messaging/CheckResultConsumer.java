package org.techschools.enrollment.messaging;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.RegistrationChanged;
import org.techschools.commons.events.RegistrationCheckCompleted;
import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.MalformedEventException;
import org.techschools.enrollment.domain.CheckStatus;
import org.techschools.enrollment.domain.Enrollment;

/** Applies registration-service's check results to the records (PENDING → CLEAN | FLAGGED, with alert ids). */
@ApplicationScoped
public class CheckResultConsumer {

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    ObjectMapper mapper;

    /**
     * Consumed in polled batches, one transaction each: while schools push thousands of records, the check results come
     * back as fast, and one transaction and commit per result took a quarter of the service's CPU from the intake.
     */
    @Incoming(Topics.REGISTRATION_EVENTS)
    @Blocking
    public CompletionStage<Void> onRegistrationEvents(KafkaRecordBatch<String, String> batch) {
        return processor.processBatch(Topics.REGISTRATION_EVENTS, batch, Set.of(1), this::apply);
    }

    void apply(EventEnvelope envelope) {
        switch (envelope.eventType()) {
            case RegistrationCheckCompleted.TYPE -> applyCheck(read(envelope, RegistrationCheckCompleted.class));
            case RegistrationChanged.TYPE -> {
                // 学籍 lifecycle lives in registration-service; the enrollment record itself is unchanged.
            }
            default -> throw new MalformedEventException("unknown eventType " + envelope.eventType());
        }
    }

    private void applyCheck(RegistrationCheckCompleted check) {
        Enrollment e = Enrollment.findById(check.enrollmentId());
        // Results can overtake each other across partitions (alerts between different persons): keep the newest.
        if (e == null || (e.checkedAt != null && !check.checkedAt().isAfter(e.checkedAt))) {
            return;
        }
        e.checkStatus = CheckStatus.valueOf(check.checkStatus().name());
        e.alertIds = check.alertIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        e.checkedAt = check.checkedAt();
    }

    private <T> T read(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (Exception e) {
            throw new MalformedEventException("payload is not a valid " + type.getSimpleName());
        }
    }
}
