package org.techschools.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.techschools.commons.config.OutboxConfig;
import org.techschools.commons.persistence.PlannedPerCall;

/**
 * Publishes outbox rows to Kafka with acks=all and idempotence, in insertion order, and deletes them
 * only after the broker acknowledged every record of the batch. One relay at a time per database (a transaction-scoped
 * advisory lock): with several instances of a service, the rows still go out in one order, and no row needs a lock of
 * its own. A crash between the broker's ack and the commit re-sends the batch: consumers are idempotent on eventId.
 * <p>
 * Each claim reads from just above the last row this relay sent, not from the start of the table: deleted rows stay in
 * the seq index until vacuum, and a claim from the start stepped over all of them
 * (docs/decisions/0007-outbox-claims-from-last-sent-row.md). A transaction that committed after the relay passed its rows tells the relay where they
 * start ({@link Outbox.Appended}); rows of another instance's transactions are found by a claim from the start every
 * {@link OutboxConfig#fullScanInterval()}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay, in each service's own database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    KafkaClients kafkaClients;

    private final Semaphore wakeUp = new Semaphore(0);
    /** The lowest {@link Outbox.Appended#seqBelow()} of the transactions that committed since the last claim. */
    private final AtomicLong committedBelow = new AtomicLong(Long.MAX_VALUE);
    private ClaimStart claimStart;
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter published;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        published = Counter.builder("outbox.published").description("events the outbox relay handed to Kafka")
                .register(registry);
        claimStart = new ClaimStart(config.fullScanInterval());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        committedBelow.accumulateAndGet(appended.seqBelow(), Math::min);
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                int sent = publishBatch();
                if (sent < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Broker or database unavailable: nothing was deleted, the same rows go out on the next attempt, which
                // claims from the start (this attempt may have used up a committed transaction's notice).
                claimStart.failed();
                LOG.warnf("outbox relay: publish failed (%s), retrying in %s", e.getClass().getSimpleName(), config.retryBackoff());
                closeProducer();
                sleep(config.retryBackoff().toMillis());
            }
        }
    }

    /**
     * Publishes one batch; returns how many rows it published. The rows are claimed and deleted in one statement, and
     * the delete commits only after the broker acknowledged every record: a failure rolls it back and the rows go out
     * again. Deleting, not marking: an UPDATE wrote a new copy of every ~1 KB row, the relay's largest cost under load.
     */
    int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!relayLockTaken(c)) {
                    // Another instance is relaying; its claims from the start find this instance's rows too.
                    c.rollback();
                    return 0;
                }
                long from = claimStart.next(committedBelow.getAndSet(Long.MAX_VALUE), System.nanoTime());
                List<OutboxRow> rows = new ArrayList<>();
                // By ctid, planned per call: the claimed rows are deleted where they lie. A plan cached while the table
                // was small scanned all of it, dead rows included, for them.
                try (PreparedStatement claim = PlannedPerCall.prepare(c, "DELETE FROM outbox_event WHERE ctid = ANY (ARRAY("
                        + "SELECT ctid FROM outbox_event WHERE seq > ? ORDER BY seq LIMIT ?))"
                        + " RETURNING seq, topic, aggregate_id, event_type, envelope, trace_parent")) {
                    claim.setLong(1, from);
                    claim.setInt(2, config.batchSize());
                    try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6)));
                        }
                    }
                }
                if (rows.isEmpty()) {
                    c.rollback();
                    claimStart.nothingFound(from);
                    return 0;
                }
                // RETURNING gives no order: insertion order keeps one person's events in sequence on their partition.
                rows.sort(Comparator.comparingLong(OutboxRow::seq));
                List<Future<?>> acks = new ArrayList<>(rows.size());
                for (OutboxRow row : rows) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.envelope());
                    record.headers().add("eventType", row.eventType().getBytes(StandardCharsets.UTF_8));
                    if (row.traceParent() != null) {
                        // The appender's trace goes on with the record: the consumers apply it as part of that trace.
                        record.headers().add(EventTraces.HEADER, row.traceParent().getBytes(StandardCharsets.UTF_8));
                    }
                    Future<?> ack = producer().send(record);
                    if (ack.isDone()) {
                        // Failed at once (no metadata for the topic within max.block.ms): every further record of the
                        // batch would wait as long again while this transaction holds its rows, so give up the batch now.
                        ack.get();
                    }
                    acks.add(ack);
                }
                producer().flush();
                for (Future<?> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                c.commit();
                // Rows below the last one that were not claimed belong to transactions still open: their commit lowers
                // committedBelow (or, for another instance's, the next claim from the start finds them). The next claim
                // need not step over the deleted rows again.
                claimStart.sent(from, rows.get(rows.size() - 1).seq());
                published.increment(rows.size());
                return rows.size();
            } catch (Exception e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static boolean relayLockTaken(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private record OutboxRow(long seq, String topic, String aggregateId, String eventType, String envelope,
            String traceParent) {
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties props = kafkaClients.properties(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 2,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000,
                    ProducerConfig.CLIENT_ID_CONFIG, config.producer() + "-outbox-relay"));
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
