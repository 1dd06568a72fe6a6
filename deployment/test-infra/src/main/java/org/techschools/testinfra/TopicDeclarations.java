package org.techschools.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topics of {@code deployment/kafka/topics.conf} (name, partitions, per-topic configs) made real on a broker:
 * missing topics are created with their configs, and existing ones get the declared configs set again, so a topic
 * created before a retention or cleanup change (or edited by hand) is brought back on every start. One admin
 * connection for all topics. Used by the test infrastructure and, through {@link LocalKafka#main}, by
 * deployment/local/up.
 */
public final class TopicDeclarations {

    /** One line of topics.conf. */
    public record Declared(String name, int partitions, Map<String, String> configs) {
    }

    private final List<Declared> topics;

    private TopicDeclarations(List<Declared> topics) {
        this.topics = topics;
    }

    /** Lines {@code name partitions [key=value ...]}; {@code #} starts a comment line. */
    public static TopicDeclarations read(Path topicsConf) {
        List<Declared> topics = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String raw : Files.readAllLines(topicsConf)) {
                lineNumber++;
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length < 2 || !parts[1].matches("[1-9][0-9]*")) {
                    throw new IllegalArgumentException(topicsConf + ":" + lineNumber + ": expected 'name partitions [key=value ...]'");
                }
                Map<String, String> configs = new LinkedHashMap<>();
                for (int i = 2; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(topicsConf + ":" + lineNumber + ": a topic config is key=value");
                    }
                    configs.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
                topics.add(new Declared(parts[0], Integer.parseInt(parts[1]), Map.copyOf(configs)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + topicsConf, e);
        }
        return new TopicDeclarations(List.copyOf(topics));
    }

    public List<Declared> topics() {
        return topics;
    }

    /**
     * Creates the missing topics with {@code replicationFactor} replicas and sets the declared configs, plus
     * {@code min.insync.replicas}, on every declared topic. Configs a topic has that topics.conf does not mention are
     * left alone: an operator who raised a retention by hand during an incident does not lose data on the next start.
     * Returns one line per change, for the caller to print.
     */
    public List<String> apply(String bootstrapServers, short replicationFactor, int minInsyncReplicas) {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("need 1 <= min.insync.replicas (" + minInsyncReplicas + ") <= replication factor ("
                    + replicationFactor + ")");
        }
        List<String> changes = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Declared> present = new ArrayList<>();
            for (Declared topic : topics) {
                if (existing.contains(topic.name())) {
                    present.add(topic);
                } else {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                            .configs(wanted(topic, minInsyncReplicas)));
                    changes.add(createdLine(topic, replicationFactor));
                }
            }
            if (!missing.isEmpty()) {
                // The listing can lag a topic created a moment ago (or by another process meanwhile): such a topic is
                // treated as existing, and gets its configs set below.
                Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
                for (Declared topic : topics) {
                    KafkaFuture<Void> creation = created.get(topic.name());
                    if (creation == null) {
                        continue;
                    }
                    try {
                        creation.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                        changes.remove(createdLine(topic, replicationFactor));
                        present.add(topic);
                    }
                }
            }
            if (!present.isEmpty()) {
                checkReplicas(admin, present, replicationFactor, minInsyncReplicas);
                changes.addAll(alterConfigs(admin, present, minInsyncReplicas));
            }
            if (replicationFactor > 1) {
                changes.addAll(electPreferredLeaders(admin));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot apply the topics of topics.conf on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return changes;
    }

    private static String createdLine(Declared topic, short replicationFactor) {
        return "created " + topic.name() + " (" + topic.partitions() + " partitions, replication factor " + replicationFactor + ")";
    }

    private static Map<String, String> wanted(Declared topic, int minInsyncReplicas) {
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        return configs;
    }

    /**
     * Growing the replicas of an existing topic moves data between brokers (kafka-reassign-partitions), which is an
     * operator's decision, not a start script's. Too few replicas for min.insync.replicas would refuse every acks=all
     * write, so that stops the start; fewer than configured only warns.
     */
    private static void checkReplicas(Admin admin, List<Declared> present, short replicationFactor, int minInsyncReplicas)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = onceKnown(() -> admin.describeTopics(present.stream().map(Declared::name)
                .toList()).allTopicNames().get(30, TimeUnit.SECONDS));
        for (Declared topic : present) {
            TopicDescription description = descriptions.get(topic.name());
            int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            if (replicas < minInsyncReplicas) {
                throw new IllegalStateException(topic.name() + " has " + replicas + " replicas, fewer than min.insync.replicas "
                        + minInsyncReplicas + ": raise them with kafka-reassign-partitions first");
            }
            if (replicas < replicationFactor) {
                System.err.println("warning: " + topic.name() + " has " + replicas + " replicas, configured " + replicationFactor
                        + "; raise them with kafka-reassign-partitions");
            }
            if (description.partitions().size() < topic.partitions()) {
                // More partitions move keys to other partitions, which breaks the per-key order consumers rely on.
                System.err.println("warning: " + topic.name() + " has " + description.partitions().size() + " partitions, topics.conf "
                        + topic.partitions() + "; not changed (adding partitions reorders keys)");
            }
        }
    }

    private List<String> alterConfigs(Admin admin, List<Declared> present, int minInsyncReplicas)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, Declared> resources = new LinkedHashMap<>();
        present.forEach(topic -> resources.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic));
        Map<ConfigResource, Config> current = onceKnown(() -> admin.describeConfigs(resources.keySet()).all()
                .get(30, TimeUnit.SECONDS));
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        resources.forEach((resource, topic) -> wanted(topic, minInsyncReplicas).forEach((key, value) -> {
            ConfigEntry entry = current.get(resource).get(key);
            String now = entry == null ? null : entry.value();
            if (!value.equals(now)) {
                ops.computeIfAbsent(resource, r -> new ArrayList<>()).add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                changes.add(topic.name() + ": " + key + " " + now + " -> " + value);
            }
        }));
        if (!ops.isEmpty()) {
            onceKnown(() -> admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS));
        }
        return changes;
    }

    /**
     * Hands every partition's leadership to its preferred replica. After a restart, the node that comes up first leads
     * every partition until the controller's periodic check (leader.imbalance.check.interval.seconds, five minutes)
     * moves the leaders back, under whatever load has started by then: every producer and consumer then stalls on
     * NOT_LEADER errors at once. Electing here moves them before any client connects. A replica not yet back in sync
     * keeps its partition's leader where it is; the controller's check moves it later.
     */
    private static List<String> electPreferredLeaders(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Optional<Throwable>> results = admin.electLeaders(ElectionType.PREFERRED, null).partitions()
                .get(30, TimeUnit.SECONDS);
        long moved = results.values().stream().filter(Optional::isEmpty).count();
        List<String> notMoved = results.entrySet().stream()
                .filter(e -> e.getValue().filter(error -> !(error instanceof ElectionNotNeededException)).isPresent())
                .map(e -> e.getKey() + " (" + e.getValue().get().getClass().getSimpleName() + ")").sorted().toList();
        List<String> changes = new ArrayList<>();
        if (moved > 0) {
            changes.add("leadership of " + moved + " partitions handed to their preferred replicas");
        }
        if (!notMoved.isEmpty()) {
            changes.add("leaders left in place for now: " + String.join(", ", notMoved));
        }
        return changes;
    }

    /** A call to the admin client that waits for the broker. */
    private interface AdminCall<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    /**
     * Runs {@code call} again while the broker does not know a topic yet: one created a moment ago (here, by another
     * process, or by a test) is listed before every part of the broker serves its metadata.
     */
    private static <T> T onceKnown(AdminCall<T> call) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return call.call();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
