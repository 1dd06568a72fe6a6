package org.techschools.enrollment.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.techschools.testinfra.PlatformInfraResource;

/**
 * An operator sees how far the outbox is behind on /q/metrics, and readiness turns DOWN while the oldest event not yet
 * on Kafka has waited longer than platform.outbox.stuck-after. The relay is off here, so what is written stays.
 */
@QuarkusTest
@TestProfile(OutboxBacklogTest.RelayOff.class)
@QuarkusTestResource(value = PlatformInfraResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class OutboxBacklogTest {

    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.outbox.enabled", "false", "platform.outbox.stuck-after", "PT5M");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessTurnsDownWhileAnEventWaitsLongerThanAllowedAndTheBacklogIsMeasured() throws Exception {
        UUID waiting = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            // The rows other test classes left behind are sent by their relay; this class starts from an empty outbox.
            c.createStatement().executeUpdate("DELETE FROM outbox_event");
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));

        insert(waiting, "now() - interval '6 minutes'");
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox' }.data.events", equalTo(1))
                .body("checks.name", hasItem("outbox"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_backlog 1.0"))
                .body(containsString("outbox_oldest_age_seconds 3"));

        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM outbox_event");
        }
        insert(UUID.randomUUID(), "now() - interval '1 minute'");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM outbox_event");
        }
    }

    private void insert(UUID eventId, String createdAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event"
                + " (event_id, topic, aggregate_id, event_type, envelope, created_at) VALUES (?, 'probe', 'probe', 'Probe', '{}', "
                + createdAt + ")")) {
            insert.setObject(1, eventId);
            insert.executeUpdate();
        }
    }
}
