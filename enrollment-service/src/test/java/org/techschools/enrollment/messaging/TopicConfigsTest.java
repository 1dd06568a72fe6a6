package org.techschools.enrollment.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.techschools.testinfra.PlatformInfra;
import org.techschools.testinfra.TopicDeclarations;

/**
 * The topics replayed from the beginning keep their history: what deployment/kafka/topics.conf declares is what the
 * broker holds, on a fresh broker and on a topic that existed before with other settings.
 */
class TopicConfigsTest {

    private static final long DAYS_30 = 30L * 24 * 60 * 60 * 1000;
    private static final long DAYS_180 = 180L * 24 * 60 * 60 * 1000;

    @Test
    void theTestBrokerHoldsTheRetentionAndCleanupOfTopicsConf() throws Exception {
        try (Admin admin = admin()) {
            assertEquals("-1", config(admin, "enrollment-events").get("retention.ms").value(), "enrollment-events kept forever");
            assertEquals("-1", config(admin, "enrollment-events").get("retention.bytes").value());
            assertEquals("compact", config(admin, "school-events").get("cleanup.policy").value(), "latest school per code");
            assertEquals(Long.toString(DAYS_30), config(admin, "registration-events").get("retention.ms").value());
            for (String dlq : List.of("dlq.enrollment-service", "dlq.quota-service", "dlq.registration-service")) {
                assertEquals(Long.toString(DAYS_180), config(admin, dlq).get("retention.ms").value(), dlq);
                assertEquals("1", config(admin, dlq).get("min.insync.replicas").value(), dlq);
            }
        }
    }

    @Test
    void aTopicThatExistedWithOtherSettingsGetsTheDeclaredOnes(@TempDir Path dir) throws Exception {
        String topic = "topic-configs-probe-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            // As the broker default used to leave the replayed topics: deleted after 7 days.
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("retention.ms", "604800000", "cleanup.policy", "delete", "max.message.bytes", "500000"))))
                    .all().get(30, TimeUnit.SECONDS);
            Path conf = write(dir, topic + " 1 retention.ms=-1 cleanup.policy=compact,delete\n");

            List<String> changes = TopicDeclarations.read(conf).apply(bootstrapServers(), (short) 1, 1);

            Config after = config(admin, topic);
            assertEquals("-1", after.get("retention.ms").value());
            assertEquals("compact,delete", after.get("cleanup.policy").value());
            assertEquals("500000", after.get("max.message.bytes").value(), "a config topics.conf does not name stays");
            assertEquals(2, changes.size(), changes.toString());
            assertEquals(List.of(), TopicDeclarations.read(conf).apply(bootstrapServers(), (short) 1, 1), "applied again: nothing to do");
        }
    }

    @Test
    void moreInsyncReplicasThanReplicasIsRefusedBeforeAnythingChanges(@TempDir Path dir) throws IOException {
        Path conf = write(dir, "never-created 1\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TopicDeclarations.read(conf).apply(bootstrapServers(), (short) 1, 2));
        assertEquals("need 1 <= min.insync.replicas (2) <= replication factor (1)", refused.getMessage());
    }

    private static Path write(Path dir, String content) throws IOException {
        return Files.writeString(dir.resolve("topics.conf"), content);
    }

    private static String bootstrapServers() {
        return PlatformInfra.get().kafka().bootstrapServers();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
