package org.techschools.commons.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of the service's transactional outbox: written in the same transaction as the state change,
 * published by {@link OutboxRelay} and deleted only after the broker acknowledged it.
 * The table comes from platform-commons' migrations (db/platform), in every service's database.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Insertion order; the relay publishes in this order. */
    @Id
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The whole envelope as JSON text, exactly as it goes on the topic. */
    @Column(nullable = false, columnDefinition = "text")
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The W3C traceparent of the span that appended the row; the relay sends it as the record's header. */
    @Column(name = "trace_parent", length = 55)
    public String traceParent;
}
