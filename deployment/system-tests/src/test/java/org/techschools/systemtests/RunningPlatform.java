package org.techschools.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.techschools.testinfra.LocalPostgres;
import org.techschools.testinfra.PlatformInfra;

/**
 * The whole system as a user meets it: real PostgreSQL and Kafka, and the three services started from their
 * packaged {@code target/quarkus-app} as separate processes in the prod profile, each on a free port.
 */
final class RunningPlatform implements AutoCloseable {

    static final String[] SERVICES = { "enrollment-service", "quota-service", "registration-service" };

    private final PlatformInfra infra = PlatformInfra.get();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path logDir = Path.of("target/service-logs").toAbsolutePath();
    /** The log of a process started again by {@link #restart(String)}, where its start failures are to be read. */
    private final Map<String, Path> currentLogs = new java.util.HashMap<>();
    private final String idEncryptionKey = randomKey();

    RunningPlatform start() throws IOException {
        return start(false);
    }

    /**
     * Starts the three services; {@code withConsole} runs them as the local launcher does, in the demo profile whose
     * console offers the demo sign-in, each page linking to the others at their ports here.
     */
    RunningPlatform start(boolean withConsole) throws IOException {
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        Map<String, String> console = new LinkedHashMap<>();
        if (withConsole) {
            console.put("QUARKUS_PROFILE", "prod,demo");
            console.put("JWT_PRIVATE_KEY_LOCATION", infra.privateKeyPem().toString());
            for (String service : SERVICES) {
                console.put("PLATFORM_CONSOLE_" + service.substring(0, service.indexOf('-')).toUpperCase() + "_URL", url(service));
            }
        }
        for (String service : SERVICES) {
            processes.put(service, launch(service, ports.get(service), console));
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
        return this;
    }

    /**
     * Starts two instances of each service: the second of each on the first's database (so in its consumer groups too),
     * on a port of its own. {@link #url(String)} is the first instance, {@link #url(String, int)} either.
     */
    RunningPlatform startTwoOfEach() throws IOException {
        start();
        for (String service : SERVICES) {
            String second = instance(service, 2);
            ports.put(second, freePort());
            processes.put(second, process(service, ports.get(second), Map.of(), logFile(second)));
        }
        for (String service : SERVICES) {
            awaitReady(instance(service, 2));
        }
        return this;
    }

    /** Starts only {@code service}, with these changes to its environment, and waits until it is ready. */
    RunningPlatform startOnly(String service, Map<String, String> changes) throws IOException {
        ports.put(service, freePort());
        processes.put(service, launch(service, ports.get(service), changes));
        awaitReady(service);
        return this;
    }

    /** Stops {@code service} as Kubernetes and a rolling restart do (SIGTERM) and waits until it has exited. */
    void stop(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(service + " did not exit within 60 s of SIGTERM; see " + logFile(service));
        }
    }

    /** Starts {@code service} again on its database as it is, on its port, and waits until it is ready. */
    void restart(String service) throws IOException {
        Path log = logDir.resolve(service + "-restarted.log");
        currentLogs.put(service, log);
        processes.put(service, process(service, ports.get(service), Map.of(), log));
        awaitReady(service);
    }

    /**
     * Starts one service on an empty database of its own with the environment production gives it, changed by
     * {@code changes} (a null value removes the variable).
     */
    Process launch(String service, int port, Map<String, String> changes) throws IOException {
        infra.postgres().recreateDatabase(database(service));
        return process(service, port, changes, logFile(service));
    }

    /** Starts one process of {@code service} on its database as it is. */
    private Process process(String service, int port, Map<String, String> changes, Path log) throws IOException {
        Files.createDirectories(logDir);
        String database = database(service);
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                PlatformInfra.rootDir().resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put(portVariable(service), Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        // No trace collector runs here: sample no new trace (trace ids still flow into records and logs).
        env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0");
        env.put("JWT_PUBLIC_KEY_LOCATION", infra.publicKeyPem().toString());
        env.put("JWT_ISSUER", PlatformInfra.JWT_ISSUER);
        env.put("JWT_AUDIENCE", PlatformInfra.JWT_AUDIENCE);
        env.put("PERSON_KEY_SECRET", "system-test-person-key-secret");
        env.put("ID_ENCRYPTION_KEY", idEncryptionKey);
        changes.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return builder.start();
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The URL of instance 1 or 2 of {@code service} (see {@link #startTwoOfEach()}). */
    String url(String service, int instance) {
        return url(instance(service, instance));
    }

    String bootstrapServers() {
        return infra.kafka().bootstrapServers();
    }

    Path logFile(String service) {
        return logDir.resolve(service + ".log");
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String service) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited at start; see " + currentLog(service) + ":\n" + tail(service));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not ready within 180 s; see " + currentLog(service) + ":\n" + tail(service));
    }

    private Path currentLog(String service) {
        return currentLogs.getOrDefault(service, logFile(service));
    }

    private String tail(String service) throws IOException {
        var lines = Files.readAllLines(currentLog(service));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The name of an instance: the service's own for the first, so the single-instance tests read as before. */
    private static String instance(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    private static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    private static String portVariable(String service) {
        return service.substring(0, service.indexOf('-')).toUpperCase() + "_PORT";
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
