package org.techschools.enrollment.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
import org.techschools.commons.persistence.BulkWrite;
import org.techschools.enrollment.domain.CheckStatus;

/** Applies registration-service's check results to the records (PENDING → CLEAN | FLAGGED, with alert ids). */
@ApplicationScoped
public class CheckResultConsumer {

    @Inject
    IdempotentEventProcessor processor;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    /**
     * Consumed in polled batches, one transaction and one UPDATE each: while schools push thousands of records, the
     * check results come back as fast, and loading and rewriting each record took CPU from the intake beside it.
     * 学籍 changes (RegistrationChanged) leave the enrollment record as it is: read past, with no processed-event row.
     */
    @Incoming(Topics.REGISTRATION_EVENTS)
    @Blocking
    public CompletionStage<Void> onRegistrationEvents(KafkaRecordBatch<String, String> batch) {
        return processor.processBatchAtOnce(Topics.REGISTRATION_EVENTS, batch, Set.of(1), Set.of(RegistrationChanged.TYPE),
                this::apply);
    }

    void apply(List<EventEnvelope> envelopes) {
        Map<UUID, RegistrationCheckCompleted> newest = new LinkedHashMap<>();
        for (EventEnvelope envelope : envelopes) {
            if (!RegistrationCheckCompleted.TYPE.equals(envelope.eventType())) {
                throw new MalformedEventException("unknown eventType " + envelope.eventType());
            }
            RegistrationCheckCompleted check = read(envelope, RegistrationCheckCompleted.class);
            newest.merge(check.enrollmentId(), check, (a, b) -> b.checkedAt().isAfter(a.checkedAt()) ? b : a);
        }
        // Results can overtake each other across partitions (alerts between different persons): the newest stays.
        // Only the check columns change, so a correction committed meanwhile keeps its fields.
        BulkWrite.execute(em, """
                UPDATE enrollment e SET check_status = c.status, alert_ids = c.alert_ids, checked_at = c.checked_at::timestamptz
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS c (id, status, alert_ids, checked_at)
                WHERE e.id = c.id::uuid AND (e.checked_at IS NULL OR e.checked_at < c.checked_at::timestamptz)""",
                List.of("varchar", "varchar", "varchar", "varchar"),
                newest.values().stream().map(check -> new Object[] { check.enrollmentId().toString(),
                        CheckStatus.valueOf(check.checkStatus().name()).name(),
                        check.alertIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(",")),
                        check.checkedAt().toString() }).toList());
    }

    private <T> T read(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (Exception e) {
            throw new MalformedEventException("payload is not a valid " + type.getSimpleName());
        }
    }
}
