package org.techschools.enrollment.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.techschools.enrollment.TestData;
import org.techschools.testinfra.PlatformInfraResource;

/**
 * Rows that committed below the relay's position without telling it — as another instance's transactions do — go out
 * with the next claim from the start of the table.
 */
@QuarkusTest
@TestProfile(OutboxRelayFullScanTest.FullScanEverySecond.class)
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class OutboxRelayFullScanTest {

    public static class FullScanEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.outbox.full-scan-interval", "PT1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void createProbeTopic() throws Exception {
        OutboxRelayTest.createProbeTopic();
    }

    @Test
    void rowsNobodyToldTheRelayAboutGoOutWithTheNextClaimFromTheStart() throws Exception {
        String probe = "probe-" + UUID.randomUUID();
        String school = TestData.createSchool(TestData.HANGZHOU);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type,"
                    + " envelope, created_at) VALUES (?, ?, ?, 'RelayProbe', '{}', now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, OutboxRelayTest.PROBE_TOPIC);
                insert.setString(3, probe);
                insert.executeUpdate();
            }
            // A later row is sent while the probe's transaction is open; its commit then notifies nobody.
            TestData.push(TestData.enrollment(school, "F-1"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRelayTest.recordedFor(school));
            other.commit();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRelayTest.probes().contains(probe));
    }
}
