package org.techschools.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM), run from the jars that
 * {@code deployment/kafka-runtime} copies, with the topics declared in {@code deployment/kafka/topics.conf}.
 */
public final class LocalKafka {

    private final Path dir;
    private final Path libs;
    private final int port;
    private final int controllerPort;
    private Process process;

    public LocalKafka(Path dir, Path libs, int port, int controllerPort) {
        this.dir = dir;
        this.libs = libs;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start() {
        try {
            if (!Files.isDirectory(libs)) {
                throw new IllegalStateException("Kafka jars missing at " + libs + ": build deployment/kafka-runtime first");
            }
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dir.resolve("kafka-data"),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    // 50 partitions (the default) take tens of seconds to create on a 2-core machine and delay the first group join.
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    "log.cleaner.dedupe.buffer.size=8388608",
                    ""));
            String classpath = libs.toAbsolutePath() + "/*";
            if (!Files.exists(dir.resolve("kafka-data/meta.properties"))) {
                byte[] id = new byte[16];
                new SecureRandom().nextBytes(id);
                String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
                // "--cluster-id=": one id in 64 starts with "-", which the tool's argument parser takes for an option.
                Processes.run(List.of(javaBin(), "-cp", classpath, "kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                        "-c", config.toString(), "--standalone"), dir.resolve("format.log"), Duration.ofSeconds(60));
            }
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", classpath, "kafka.Kafka", config.toString()));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
            Processes.awaitPort(port, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The topics of {@code topics.conf} with one replica each and min.insync.replicas 1: this is a single broker. */
    public void createTopics(Path topicsConf) {
        TopicDeclarations.read(topicsConf).apply(bootstrapServers(), (short) 1, 1);
    }

    /**
     * {@code LocalKafka BOOTSTRAP_SERVERS TOPICS_CONF [REPLICATION_FACTOR MIN_INSYNC_REPLICAS]}: creates the missing topics
     * of a running broker and sets the declared configs on the existing ones (deployment/local/up runs this on every
     * start). Replication factor and min.insync.replicas default to 1 and 1, for a single broker.
     */
    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: LocalKafka BOOTSTRAP_SERVERS TOPICS_CONF [REPLICATION_FACTOR MIN_INSYNC_REPLICAS]");
            System.exit(2);
        }
        short replicationFactor = args.length == 4 ? Short.parseShort(args[2]) : 1;
        int minInsyncReplicas = args.length == 4 ? Integer.parseInt(args[3]) : 1;
        TopicDeclarations.read(Path.of(args[1])).apply(args[0], replicationFactor, minInsyncReplicas)
                .forEach(change -> System.out.println("    " + change));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, for crash scenarios; {@link #start()} again reuses the formatted log directory. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
