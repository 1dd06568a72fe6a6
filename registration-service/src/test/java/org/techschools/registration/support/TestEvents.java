package org.techschools.registration.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.techschools.testinfra.PlatformInfra;

/** Talks to the real test broker with plain Kafka clients, as enrollment-service and its consumers would. */
public final class TestEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String ENROLLMENT_EVENTS = "enrollment-events";
    public static final String REGISTRATION_EVENTS = "registration-events";
    public static final String DEAD_LETTERS = "dlq.registration-service";

    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{10}");
    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    public static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    public static String schoolCode() {
        return "S" + suffix();
    }

    /**
     * A personKey as enrollment-service makes them (64 hex). Keys with long runs of decimal digits are skipped so
     * that the "no 18-digit ID on the topic" assertion cannot trip over a hash.
     */
    public static String personKey() {
        while (true) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                String key = HexFormat.of().formatHex(hash);
                if (!LONG_DIGIT_RUN.matcher(key).find()) {
                    return key;
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An envelope exactly as envelope.schema.json describes it. */
    public static String envelope(UUID eventId, String eventType, int schemaVersion, String aggregateId, ObjectNode payload) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("eventId", eventId.toString());
        e.put("eventType", eventType);
        e.put("schemaVersion", schemaVersion);
        e.put("occurredAt", Instant.now().toString());
        e.put("producer", "enrollment-service");
        e.put("aggregateId", aggregateId);
        e.set("payload", payload);
        return e.toString();
    }

    /** Publishes to enrollment-events and waits for the broker's ack. */
    public static void sendEnrollmentEvent(String key, String value) {
        send(ENROLLMENT_EVENTS, key, value);
    }

    public static void send(String topic, String key, String value) {
        sendAll(topic, List.of(Map.entry(key, value)));
    }

    /**
     * Publishes (key, value) pairs in one go and waits for the broker's acks: sent together, they reach the
     * consumer in the same polled batch as far as Kafka allows.
     */
    public static synchronized void sendAll(String topic, List<Map.Entry<String, String>> messages) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().kafka().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            messages.forEach(m -> acks.add(producer.send(new ProducerRecord<>(topic, m.getKey(), m.getValue()))));
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Every record currently on the topic, read from the beginning with a throw-away consumer. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().kafka().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The registration-events messages about one person (key = personKey), in partition order, parsed. */
    public static List<JsonNode> registrationEventsOf(String personKey) {
        return readAll(REGISTRATION_EVENTS).stream().filter(r -> personKey.equals(r.key()))
                .map(r -> parse(r.value())).collect(Collectors.toList());
    }

    /** The RegistrationCheckCompleted payloads of one enrollment record, oldest first. */
    public static List<JsonNode> checkResultsOf(Enrollment e) {
        return registrationEventsOf(e.personKey).stream()
                .filter(m -> "RegistrationCheckCompleted".equals(m.path("eventType").asText()))
                .map(m -> m.path("payload"))
                .filter(p -> e.enrollmentId.toString().equals(p.path("enrollmentId").asText()))
                .collect(Collectors.toList());
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
