package org.techschools.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.techschools.commons.domain.Topics;

/**
 * The {@code enrollment-events} of one run, read straight from the broker from the end offsets noted before the run:
 * how many messages carry its records, how many distinct events, which records. A relay that re-sends after a crash
 * shows as more messages than events; consumers apply each event once (processed_event).
 */
final class EnrollmentEventLog {

    record Count(long messages, long events, Set<UUID> enrollments) {
    }

    private final LocalPlatform platform;
    private final Map<TopicPartition, Long> from;

    private EnrollmentEventLog(LocalPlatform platform, Map<TopicPartition, Long> from) {
        this.platform = platform;
        this.from = from;
    }

    static EnrollmentEventLog fromNow(LocalPlatform platform) {
        try (KafkaConsumer<String, String> consumer = consumer(platform)) {
            return new EnrollmentEventLog(platform, consumer.endOffsets(partitions(consumer)));
        }
    }

    Count read(EnrollmentStream stream) throws Exception {
        long messages = 0;
        Set<UUID> events = new HashSet<>();
        Set<UUID> enrollments = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(platform)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading enrollment-events took longer than 2 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = Workload.JSON.readTree(record.value());
                    String school = envelope.path("payload").path("schoolCode").asText();
                    if (school.equals(stream.schoolA) || school.equals(stream.schoolB)) {
                        messages++;
                        events.add(UUID.fromString(envelope.path("eventId").asText()));
                        enrollments.add(UUID.fromString(envelope.path("payload").path("enrollmentId").asText()));
                    }
                }
            }
        }
        return new Count(messages, events.size(), enrollments);
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(Topics.ENROLLMENT_EVENTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.ENROLLMENT_EVENTS, p.partition())).toList();
    }

    static KafkaConsumer<String, String> consumer(LocalPlatform platform) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
