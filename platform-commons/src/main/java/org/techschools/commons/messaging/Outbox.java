package org.techschools.commons.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

/**
 * Appends events to the outbox inside the caller's transaction (transactional outbox pattern). The rows of one
 * transaction are written together just before it commits, in append order, with one JDBC batch on the transaction's
 * connection: a batch push of a thousand records writes a thousand outbox rows, and one entity persist and flush per
 * row cost more than everything else the push does. A rolled-back transaction writes none.
 */
@ApplicationScoped
public class Outbox {

    /** Fired after the appending transaction committed, so the relay wakes at once instead of at its next poll. */
    public record Appended() {
    }

    /** Transaction resource: the rows appended in this transaction and not yet written. */
    private static final Object PENDING_ROWS = new Object();

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    @Inject
    Event<Appended> appended;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    AgroalDataSource dataSource;

    /**
     * @return the envelope as written; its payload is the given object wrapped as a {@link POJONode}, so the payload is
     *         serialised once, straight into the row's JSON, instead of into a tree and then again into text
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String eventType, String aggregateId, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, 1, Instant.now(), config.producer(),
                aggregateId, new POJONode(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.aggregateId = aggregateId;
        row.eventType = eventType;
        row.createdAt = envelope.occurredAt();
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
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                insert(first);
            }

            @Override
            public void afterCompletion(int status) {
                // Nothing to undo: the rows were written in the transaction and roll back with it.
            }
        });
        // One relay wake-up per transaction, after its commit.
        appended.fire(new Appended());
        return first;
    }

    /** Runs before the commit, inside the transaction: a failure here rolls the whole transaction back. */
    private void insert(List<OutboxEvent> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type,"
                     + " envelope, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (OutboxEvent row : rows) {
                insert.setObject(1, row.eventId);
                insert.setString(2, row.topic);
                insert.setString(3, row.aggregateId);
                insert.setString(4, row.eventType);
                insert.setString(5, row.envelope);
                insert.setObject(6, row.createdAt.atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // The SQLException stays the cause: its SQL state tells an outage (503) from anything else.
            throw new IllegalStateException("writing the outbox rows failed", e);
        }
    }
}
