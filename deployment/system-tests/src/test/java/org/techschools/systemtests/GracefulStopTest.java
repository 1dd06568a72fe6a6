package org.techschools.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.testinfra.LocalPostgres;
import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.TopicRecords;

/**
 * A service told to stop (SIGTERM: a rolling restart, Kubernetes moving a pod) in the middle of a stream of events
 * leaves the events it had not finished for its next start: none is dead-lettered, none is lost.
 */
class GracefulStopTest {

    private static final int SCHOOLS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningPlatform platform;

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eventsInFlightWhenQuotaServiceStopsAreAppliedAfterItStartsAgain() throws Exception {
        String prefix = Integer.toString(91 + (int) (Math.random() * 8));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            String code = prefix + String.format("%06d", i);
            records.add(new ProducerRecord<>("school-events", code, schoolUpserted(code)));
        }
        // On the topic before the service starts: a backlog the service is in the middle of when it is stopped.
        TopicRecords.send(PlatformInfra.get().kafka().bootstrapServers(), "school-events", records);
        platform = new RunningPlatform().startOnly("quota-service", Map.of());

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> schoolsStored(prefix) >= 500);
        platform.stop("quota-service");
        int storedAtStop = schoolsStored(prefix);
        assertTrue(storedAtStop < SCHOOLS, "the stop came before the stream's end (" + storedAtStop + " stored)");

        platform.restart("quota-service");
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> schoolsStored(prefix) == SCHOOLS);
        long deadLettered = TopicRecords.readAll(platform.bootstrapServers(), "dlq.quota-service").stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix) && r.key().length() == 8).count();
        assertEquals(0, deadLettered, "events of the stream dead-lettered by the stop");
    }

    private static String schoolUpserted(String code) {
        ObjectNode payload = JSON.createObjectNode().put("code", code).put("name", "停机测试学校" + code)
                .put("type", "TECHNICAL_SCHOOL").put("provinceCode", "330000").put("cityCode", "330100")
                .put("provincial", false).put("ownership", "PUBLIC").put("hotline", "0571-88888888");
        payload.putArray("qualifiedYears");
        payload.putArray("majors");
        return JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("eventType", "SchoolUpserted")
                .put("schemaVersion", 1).put("occurredAt", Instant.now().toString()).put("producer", "system-test")
                .put("aggregateId", code).set("payload", payload).toString();
    }

    private static int schoolsStored(String prefix) throws SQLException {
        try (Connection c = DriverManager.getConnection(PlatformInfra.get().postgres().jdbcUrl("quota"), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
                ResultSet rows = c.createStatement().executeQuery(
                        "SELECT count(*) FROM school WHERE code LIKE '" + prefix + "%' AND length(code) = 8")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
