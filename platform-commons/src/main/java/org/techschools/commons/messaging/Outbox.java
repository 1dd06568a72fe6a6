package org.techschools.commons.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;

import io.agroal.api.AgroalDataSource;

import org.techschools.commons.config.OutboxConfig;
import org.techschools.commons.persistence.CopyRows;
import org.techschools.commons.persistence.TimeOrderedIds;

/**
 * Appends events to the outbox inside the caller's transaction (transactional outbox pattern). The rows of one
 * transaction are written together just before it commits, in append order, with one COPY on the transaction's
 * connection: a batch push of a thousand records writes a thousand outbox rows, and one entity persist and flush per
 * row cost more than everything else the push does. A rolled-back transaction writes none.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Fired after the appending transaction committed, so the relay wakes at once instead of at its next poll, and
     * looks from the transaction's rows on: they may lie below rows of later transactions the relay already sent.
     */
    public static final class Appended {

        private volatile long seqBelow = Long.MAX_VALUE;

        /** Every outbox row of the transaction has a seq above this one. */
        public long seqBelow() {
            return seqBelow;
        }
    }

    /**
     * The sequence's position before the rows are written: their seqs all lie above it (the sequence hands out values
     * in increasing order, one at a time, to every session).
     */
    private static final String SEQ_BEFORE = "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM outbox_event_seq_seq";

    /** Transaction resource: the rows appended in this transaction and not yet written. */
    private static final Object PENDING_ROWS = new Object();

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    OutboxConfig config;

    @Inject
    Event<Appended> appended;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventTraces traces;

    /**
     * @return the envelope as written; its payload is the given object wrapped as a {@link POJONode}, so the payload is
     *         serialised once, straight into the row's JSON, instead of into a tree and then again into text
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String eventType, String aggregateId, Object payload) {
        return append(topic, eventType, 1, aggregateId, payload);
    }

    /** As {@link #append(String, String, String, Object)}, for an event type whose payload is past its first schema version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String eventType, int schemaVersion, String aggregateId, Object payload) {
        EventEnvelope envelope = new EventEnvelope(TimeOrderedIds.next(clock), eventType, schemaVersion, clock.instant(),
                config.producer(), aggregateId, new POJONode(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.aggregateId = aggregateId;
        row.eventType = eventType;
        row.createdAt = envelope.occurredAt();
        row.traceParent = traces.currentTraceParent();
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + eventType, e);
        }
        pendingRows().add(row);
        return envelope;
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> pendingRows() {
        List<OutboxEvent> rows = (List<OutboxEvent>) transaction.getResource(PENDING_ROWS);
        if (rows != null) {
            return rows;
        }
        List<OutboxEvent> first = new ArrayList<>();
        transaction.putResource(PENDING_ROWS, first);
        Appended committed = new Appended();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                committed.seqBelow = insert(first);
            }

            @Override
            public void afterCompletion(int status) {
                // Nothing to undo: the rows were written in the transaction and roll back with it.
            }
        });
        // One relay wake-up per transaction, after its commit.
        appended.fire(committed);
        return first;
    }

    /** Runs before the commit, inside the transaction: a failure here rolls the whole transaction back. */
    private long insert(List<OutboxEvent> rows) {
        CopyRows copy = new CopyRows();
        for (OutboxEvent row : rows) {
            copy.value(row.eventId).value(row.topic).value(row.aggregateId).value(row.eventType).value(row.envelope)
                    .value(row.createdAt).value(row.traceParent).endRow();
        }
        try (Connection c = dataSource.getConnection()) {
            long seqBelow;
            try (PreparedStatement position = c.prepareStatement(SEQ_BEFORE); ResultSet rs = position.executeQuery()) {
                rs.next();
                seqBelow = rs.getLong(1);
            }
            // In append order: the seqs keep one person's events in sequence.
            copy.copyInto(c, "outbox_event (event_id, topic, aggregate_id, event_type, envelope, created_at, trace_parent)");
            return seqBelow;
        } catch (SQLException e) {
            // The SQLException stays the cause: its SQL state tells an outage (503) from anything else.
            throw new IllegalStateException("writing the outbox rows failed", e);
        }
    }
}
