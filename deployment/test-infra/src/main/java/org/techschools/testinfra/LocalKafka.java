package org.techschools.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

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

    public void createTopics(Path topicsConf) {
        createTopics(bootstrapServers(), topicsConf);
    }

    /**
     * Creates every topic of {@code topics.conf} that does not exist yet, in one admin connection (one JVM
     * instead of one TopicCommand JVM per topic). deployment/local/up runs this class for the local broker.
     */
    public static void createTopics(String bootstrapServers, Path topicsConf) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = Files.readAllLines(topicsConf).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .filter(parts -> !existing.contains(parts[0]))
                    .map(parts -> new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1))
                    .collect(Collectors.toList());
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get(60, TimeUnit.SECONDS);
            }
        } catch (IOException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics from " + topicsConf, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code LocalKafka BOOTSTRAP_SERVERS TOPICS_CONF}: creates the missing topics of a running broker. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LocalKafka BOOTSTRAP_SERVERS TOPICS_CONF");
            System.exit(2);
        }
        createTopics(args[0], Path.of(args[1]));
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
