package org.techschools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The platform that deployment/local/up started: its ports, tokens and database, as the local scripts define them. On
 * the cluster ({@code up --cluster}) the services' URLs are the front door's and Kafka is the three brokers, read from
 * deployment/local/.runtime/cluster.properties.
 */
final class LocalPlatform {

    final Path root;
    // HTTP/1.1: school systems connect that way, and thousands of streams on one h2c connection measure the client, not the service.
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** What up --cluster wrote (front-door, kafka-bootstrap, instance.NAME); null on the single-node run. */
    private final Properties cluster;

    LocalPlatform(Path root) {
        this.root = root;
        this.cluster = readCluster(root.resolve("deployment/local/.runtime/cluster.properties"));
    }

    private static Properties readCluster(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try (var in = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("reading " + file, e);
        }
    }

    boolean isCluster() {
        return cluster != null;
    }

    String enrollmentUrl() {
        return isCluster() ? frontDoor() : "http://127.0.0.1:" + env("ENROLLMENT_PORT", "8081");
    }

    String quotaUrl() {
        return isCluster() ? frontDoor() : "http://127.0.0.1:" + env("QUOTA_PORT", "8082");
    }

    String registrationUrl() {
        return isCluster() ? frontDoor() : "http://127.0.0.1:" + env("REGISTRATION_PORT", "8083");
    }

    private String frontDoor() {
        return cluster.getProperty("front-door");
    }

    /**
     * Each service process by the name deployment/bench/fault knows it, with its own URL (for /q/, which the front door
     * does not pass): the three services, or on the cluster their six instances (enrollment-service-1, ...).
     */
    Map<String, String> processUrls() {
        Map<String, String> urls = new java.util.TreeMap<>();
        if (isCluster()) {
            cluster.stringPropertyNames().stream().filter(k -> k.startsWith("instance."))
                    .forEach(k -> urls.put(k.substring("instance.".length()), cluster.getProperty(k)));
        } else {
            Faults.SERVICES.forEach(s -> urls.put(s, serviceUrl(s)));
        }
        return urls;
    }

    String serviceUrl(String service) {
        return switch (service) {
            case "enrollment-service" -> enrollmentUrl();
            case "quota-service" -> quotaUrl();
            case "registration-service" -> registrationUrl();
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
    }

    String kafkaBootstrap() {
        return isCluster() ? cluster.getProperty("kafka-bootstrap") : "127.0.0.1:" + env("KAFKA_PORT", "19092");
    }

    /**
     * Waits until every consumer group of the three services has each of its members assigned partitions. On a fresh
     * broker the first group coordination took 15–60 s on the loaded two-core machine, while the services already
     * reported ready: a run started before that timed the wait, not the platform. Services about to be stopped for the
     * run (BENCH_STOP) are not waited for.
     */
    void awaitConsumersAssigned(Duration bound, java.util.Set<String> except) throws Exception {
        List<String> groups = Faults.SERVICES.stream().filter(service -> !except.contains(service)).toList();
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            while (true) {
                boolean assigned = admin.describeConsumerGroups(groups).all().get().values().stream()
                        .allMatch(g -> !g.members().isEmpty()
                                && g.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty()));
                if (assigned) {
                    break;
                }
                if (System.nanoTime() - start > bound.toNanos()) {
                    throw new IllegalStateException("the services' Kafka consumers had no partitions assigned after " + bound);
                }
                Thread.sleep(500);
            }
        }
        System.out.printf("consumer groups %s assigned (waited %.1f s)%n", groups, (System.nanoTime() - start) / 1e9);
    }

    Path kafkaLibs() {
        return root.resolve("deployment/kafka-runtime/target/libs");
    }

    /** A bearer token from deployment/local/token (cached per role and claim). */
    String token(String role, String... claims) {
        return tokens.computeIfAbsent(role + String.join(",", claims), k -> {
            try {
                List<String> command = new java.util.ArrayList<>(List.of(root.resolve("deployment/local/token").toString(), role));
                command.addAll(List.of(claims));
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0 || token.isEmpty()) {
                    throw new IllegalStateException("deployment/local/token failed: run deployment/local/up first");
                }
                return token;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        return http.send(postRequest(url, token, json), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest postRequest(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The HTTP status of an unauthenticated GET (health endpoints); -1 when the service does not answer within 10 s. */
    int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A JDBC connection to one of the local databases as the application role. */
    Connection database(String name) throws IOException, SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + env("PG_PORT", "15432") + "/" + name, "app",
                secret("DB_PASSWORD"));
    }

    /** A secret deployment/local/up generated into .runtime/secrets.env (DB_PASSWORD, PERSON_KEY_SECRET). */
    String secret(String name) throws IOException {
        return Files.readAllLines(root.resolve("deployment/local/.runtime/secrets.env")).stream()
                .filter(l -> l.startsWith(name + "=")).findFirst()
                .map(l -> l.substring(name.length() + 1).replace("'", ""))
                .orElseThrow(() -> new IllegalStateException("no " + name + " in deployment/local/.runtime/secrets.env"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Messages not yet consumed, per consumer group and topic of the event flow ("group@topic"), leaving out the groups
     * named in {@code except} (services stopped for a run: their lag is nobody's work now).
     */
    Map<String, Long> consumerLag(java.util.Set<String> except) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        Map<String, Long> lag = new java.util.TreeMap<>();
        try (Admin admin = Admin.create(props)) {
            for (var group : admin.listConsumerGroups().all().get()) {
                if (except.contains(group.groupId())) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals("enrollment-events")
                        || tp.topic().equals("registration-events")).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (TopicPartition tp : latest.keySet()) {
                    OffsetAndMetadata at = committed.get(tp);
                    lag.merge(group.groupId() + "@" + tp.topic(), ends.get(tp).offset() - (at == null ? 0 : at.offset()),
                            Long::sum);
                }
            }
        }
        return lag;
    }
}
