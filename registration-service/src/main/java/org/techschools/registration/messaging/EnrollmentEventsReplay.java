package org.techschools.registration.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.KafkaClients;

/**
 * Reads {@code enrollment-events} from the beginning for a registry rebuild, with a consumer of its own (no
 * group, so the live consumer's offsets stay as they are). Partitions are merged by record time: one person's
 * events keep their partition order, and checks between different people (PROBABLE_DUPLICATE) see the records
 * in about the order the live consumer saw them.
 */
@ApplicationScoped
public class EnrollmentEventsReplay {

    /** Records held per partition while waiting for the others; more pauses the partition. */
    private static final int QUEUE_LIMIT = 2_000;
    private static final Duration POLL = Duration.ofMillis(200);

    @Inject
    KafkaClients kafkaClients;

    public Reader open() {
        Properties props = kafkaClients.properties(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "registration-service-rebuild",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000));
        return new Reader(new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer()));
    }

    /** A position in the topic that moves forward with each {@link #toEnd} call. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, String>>> queued = new HashMap<>();

        Reader(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
            this.partitions = consumer.partitionsFor(Topics.ENROLLMENT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(p -> queued.put(p, new ArrayDeque<>()));
        }

        /**
         * Hands every message up to the topic's end as of now to {@code each}, oldest record time first.
         *
         * @return how many messages were handed over
         */
        public long toEnd(Consumer<String> each) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> open = new LinkedHashSet<>();
            for (TopicPartition p : partitions) {
                if (consumer.position(p) < end.get(p)) {
                    open.add(p);
                }
            }
            long handed = 0;
            while (!open.isEmpty()) {
                fill(open, end);
                TopicPartition next = null;
                for (TopicPartition p : open) {
                    if (next == null || queued.get(p).peek().timestamp() < queued.get(next).peek().timestamp()) {
                        next = p;
                    }
                }
                each.accept(queued.get(next).poll().value());
                handed++;
                if (queued.get(next).isEmpty() && consumer.position(next) >= end.get(next)) {
                    open.remove(next);
                }
            }
            return handed;
        }

        /** Polls until every open partition has a record queued; partitions read to {@code end} are closed. */
        private void fill(Set<TopicPartition> open, Map<TopicPartition, Long> end) {
            while (open.stream().anyMatch(p -> queued.get(p).isEmpty())) {
                consumer.pause(partitions.stream().filter(p -> queued.get(p).size() >= QUEUE_LIMIT).toList());
                consumer.resume(partitions.stream().filter(p -> queued.get(p).size() < QUEUE_LIMIT).toList());
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    // Records past this call's end are events all the same: they are handed over too.
                    queued.get(p).add(r);
                }
                open.removeIf(p -> queued.get(p).isEmpty() && consumer.position(p) >= end.get(p));
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
