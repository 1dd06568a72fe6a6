package org.techschools.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Issue 7 L1: Kafka's own floor on this machine (kafka-tools' ProducerPerformance, 1 KiB records, acks=all) beside
 * the outbox relay of enrollment-service publishing the same number of 1 KiB rows, in the same run. The relay's rows
 * go to a scratch topic so that no consumer of the platform sees them.
 */
final class KafkaFloorBenchmark {

    private static final String FLOOR_TOPIC = "bench-floor";
    private static final String RELAY_TOPIC = "bench-relay";
    private static final Pattern RATE = Pattern.compile("([0-9.]+) records/sec");
    private final LocalPlatform platform;

    KafkaFloorBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int records) throws Exception {
        createTopics();
        double floor = producerPerformance(records);
        double relay = relayRate(records);
        Bench.header("Kafka floor vs outbox relay (" + records + " records of 1 KiB, acks=all)");
        Bench.row("ProducerPerformance records/s (floor)", String.format("%.0f", floor));
        Bench.row("outbox relay records/s", String.format("%.0f", relay));
        Bench.row("ratio relay / floor", String.format("%.2f", relay / floor));
        return true;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String topic : List.of(FLOOR_TOPIC, RELAY_TOPIC)) {
                if (!existing.contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private double producerPerformance(int records) throws Exception {
        Process p = new ProcessBuilder(java(), "-Xmx512m", "-cp", platform.kafkaLibs() + "/*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", FLOOR_TOPIC, "--num-records", Integer.toString(records), "--record-size", "1024", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + platform.kafkaBootstrap(), "acks=all").redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("records sent")) {
                    last = line;
                }
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed");
        }
        Matcher m = RATE.matcher(last);
        if (!m.find()) {
            throw new IllegalStateException("cannot read ProducerPerformance's summary: " + last);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Inserts unpublished 1 KiB outbox rows for the scratch topic and times the running relay publishing them. */
    private double relayRate(int records) throws Exception {
        String envelope = "{\"bench\":\"" + "x".repeat(1000) + "\"}";
        try (Connection c = platform.database("enrollment")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, envelope,"
                    + " created_at) SELECT gen_random_uuid(), ?, 'bench-' || g, 'BenchRecord', ?, now() FROM generate_series(1, ?) g")) {
                insert.setString(1, RELAY_TOPIC);
                insert.setString(2, envelope);
                insert.setInt(3, records);
                insert.executeUpdate();
            }
            c.commit();
            long committed = System.nanoTime();
            c.setAutoCommit(true);
            // The relay deletes what the broker acknowledged: the scratch topic's rows are all out once none is left.
            try (PreparedStatement left = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE topic = ?")) {
                left.setString(1, RELAY_TOPIC);
                while (System.nanoTime() - committed < TimeUnit.MINUTES.toNanos(5)) {
                    try (ResultSet rs = left.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            return records / ((System.nanoTime() - committed) / 1e9);
                        }
                    }
                    Thread.sleep(20);
                }
            }
        }
        throw new IllegalStateException("the relay did not publish " + records + " rows within 5 minutes");
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
