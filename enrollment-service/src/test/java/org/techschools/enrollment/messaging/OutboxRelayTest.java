package org.techschools.enrollment.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.techschools.commons.messaging.Outbox;
import org.techschools.enrollment.TestData;
import org.techschools.commons.messaging.KafkaClients;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.PlatformInfraResource;
import org.techschools.testinfra.TopicRecords;

/**
 * The relay claims from just above the last row it sent; rows of a transaction that committed after later rows were
 * sent still go out. This instance's own transactions tell the relay (within a second here, where the claim from the
 * start comes once a minute); see {@link OutboxRelayFullScanTest} for rows nobody told it about.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class OutboxRelayTest {

    static final String PROBE_TOPIC = "outbox-relay-probe";

    @Inject
    Outbox outbox;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients kafkaClients;

    @BeforeAll
    static void createProbeTopic() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The relay's producer is built by hand: it must still get the service's kafka.* settings (TLS, SASL, servers). */
    @Test
    void handBuiltClientsGetTheServicesKafkaSettingsUnderTheirOwn() {
        var props = kafkaClients.properties(Map.of("client.id", "relay-probe"));
        org.junit.jupiter.api.Assertions.assertEquals(PlatformInfra.get().kafka().bootstrapServers(), props.get("bootstrap.servers"));
        org.junit.jupiter.api.Assertions.assertEquals("relay-probe", props.get("client.id"));
    }

    @Test
    void rowsOfATransactionCommittingAfterLaterRowsWereSentGoOutAtOnce() {
        String probe = "probe-" + UUID.randomUUID();
        String school = TestData.createSchool(TestData.HANGZHOU);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(PROBE_TOPIC, "RelayProbe", probe, Map.of("probe", probe));
            // Registered after the outbox's own: runs once the probe's row holds its seq, before the commit.
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    assertTrue(probeRowWritten(probe), "the outbox wrote the probe's row before this synchronization ran");
                    // A later transaction takes a higher seq, commits and is sent while this one is still open.
                    CompletableFuture.runAsync(() -> TestData.push(TestData.enrollment(school, "R-1"))).join();
                    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> recordedFor(school));
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        });
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> probes().contains(probe));
    }

    private boolean probeRowWritten(String probe) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM outbox_event WHERE aggregate_id = ?")) {
            q.setString(1, probe);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean recordedFor(String school) {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), "enrollment-events").stream()
                .anyMatch(r -> r.value().contains("\"schoolCode\":\"" + school + "\""));
    }

    static List<String> probes() {
        return TopicRecords.readAll(PlatformInfra.get().kafka().bootstrapServers(), PROBE_TOPIC).stream().map(r -> r.key()).toList();
    }
}
