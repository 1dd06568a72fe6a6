package org.techschools.enrollment.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.RegistrationChanged;
import org.techschools.commons.events.RegistrationCheckCompleted;
import org.techschools.commons.messaging.EventEnvelope;
import org.techschools.commons.messaging.EventPayloads;
import org.techschools.commons.messaging.IdempotentEventProcessor;
import org.techschools.commons.messaging.UnprocessableEventException;
import org.techschools.enrollment.domain.CheckStatus;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.service.EnrollmentTransfers;

/**
 * Applies registration-service's check results to the records (PENDING → CLEAN | FLAGGED, with alert ids), and keeps
 * completed transfers (转学, TRANSFER_IN) for the 进展表.
 */
@ApplicationScoped
public class CheckResultConsumer {

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    EventPayloads payloads;

    @Inject
    EnrollmentTransfers transfers;

    /**
     * Consumed in polled batches, one transaction and one UPDATE each: while schools push thousands of records, the
     * check results come back as fast, and loading and rewriting each record took CPU from the intake beside it.
     * Of the 学籍 changes (RegistrationChanged) only a transfer's new 学籍 (TRANSFER_IN) matters here; the others, the
     * TRANSFER that ends the old 学籍 included (its TRANSFER_IN follows in the same commit, on the same key), are read
     * past with no processed-event row.
     */
    @Incoming(Topics.REGISTRATION_EVENTS)
    @Blocking
    public CompletionStage<Void> onRegistrationEvents(KafkaRecordBatch<String, String> batch) {
        return processor.processBatchAtOnce(Topics.REGISTRATION_EVENTS, batch, Set.of(1), CheckResultConsumer::readPast, this::apply);
    }

    private static boolean readPast(EventEnvelope envelope) {
        return RegistrationChanged.TYPE.equals(envelope.eventType())
                && !RegistrationChanged.TRANSFER_IN.equals(envelope.payload().path("changeType").asText());
    }

    void apply(List<EventEnvelope> envelopes) {
        Map<UUID, RegistrationCheckCompleted> newest = new LinkedHashMap<>();
        List<RegistrationChanged> transfersIn = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            if (RegistrationChanged.TYPE.equals(envelope.eventType())) {
                transfersIn.add(payloads.registrationChanged(envelope));
                continue;
            }
            if (!RegistrationCheckCompleted.TYPE.equals(envelope.eventType())) {
                throw new UnprocessableEventException("unknown eventType " + envelope.eventType());
            }
            RegistrationCheckCompleted check = payloads.read(envelope, RegistrationCheckCompleted.class);
            newest.merge(check.enrollmentId(), check, (a, b) -> b.checkedAt().isAfter(a.checkedAt()) ? b : a);
        }
        transfers.completed(transfersIn);
        Enrollment.recordCheckResults(newest.values().stream().map(check -> new Enrollment.CheckResult(check.enrollmentId(),
                CheckStatus.valueOf(check.checkStatus().name()), check.alertIds(), check.checkedAt())).toList());
    }
}
