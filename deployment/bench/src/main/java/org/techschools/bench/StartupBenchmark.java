package org.techschools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 21 item 8: how long each service takes from its process start until {@code /q/health/ready} answers 200, and
 * its resident memory after {@link #IDLE} without requests, launched as deployment/local/up launches it (the JVM
 * options in deployment/local/service-jvm.options, the class-data archive up's training start wrote) beside the launch
 * of before that file existed (the baseline, same run). Each service runs alone against the infrastructure of
 * {@code up --infra-only}, so no other service shares the cores while it starts. Goal: ready within 3 s, 250 MB idle.
 */
final class StartupBenchmark {

    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final long GOAL_READY_MS = 3_000;
    private static final long GOAL_RSS_MB = 250;
    /** The launch before this benchmark: heap and collector as up gave them, no class-data archive. */
    private static final List<String> BASELINE = List.of("-Xmx768m", "-Xmn256m", "-XX:+UseSerialGC");

    private final LocalPlatform platform;

    StartupBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int rounds) throws Exception {
        Path options = platform.root.resolve("deployment/local/service-jvm.options");
        System.out.printf("%-22s %-9s %10s %10s %10s %10s%n", "service", "launch", "ready p50", "ready max", "RSS p50",
                "RSS max");
        boolean met = true;
        for (String service : Faults.SERVICES) {
            Path archive = platform.root.resolve(service + "/target/quarkus-app/app-cds.jsa");
            Path jar = archive.resolveSibling("quarkus-run.jar");
            if (!Files.isRegularFile(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                throw new IllegalStateException("no class-data archive of this build (" + archive + "): deployment/local/up"
                        + " writes it on its first start after a build");
            }
            List<String> tuned = List.of("@" + options, "-XX:SharedArchiveFile=" + archive);
            Map<String, List<long[]>> results = new LinkedHashMap<>();
            // Not measured: a first start migrates an empty database and fills the OS page cache with the jars.
            start(service, BASELINE);
            for (int round = 0; round < rounds; round++) {
                // Alternating, so a slower minute of the machine falls on both launches alike.
                results.computeIfAbsent("baseline", k -> new ArrayList<>()).add(start(service, BASELINE));
                results.computeIfAbsent("up", k -> new ArrayList<>()).add(start(service, tuned));
            }
            for (var entry : results.entrySet()) {
                long[] ready = entry.getValue().stream().mapToLong(r -> r[0]).sorted().toArray();
                long[] rss = entry.getValue().stream().mapToLong(r -> r[1]).sorted().toArray();
                System.out.printf("%-22s %-9s %8d ms %8d ms %7d MB %7d MB%n", service, entry.getKey(),
                        ready[ready.length / 2], ready[ready.length - 1], rss[rss.length / 2], rss[rss.length - 1]);
                if (entry.getKey().equals("up")) {
                    met &= ready[ready.length / 2] <= GOAL_READY_MS && rss[rss.length / 2] <= GOAL_RSS_MB;
                }
            }
        }
        System.out.printf("goal (median of %d starts, launch as up): ready <= %d ms, RSS <= %d MB idle: %s%n", rounds,
                GOAL_READY_MS, GOAL_RSS_MB, met ? "met" : "MISSED");
        return met;
    }

    /** Starts the service once: {ready ms, RSS MB after the idle wait}. */
    private long[] start(String service, List<String> jvmOptions) throws Exception {
        Path app = platform.root.resolve(service + "/target/quarkus-app");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        int port = 18_000 + Faults.SERVICES.indexOf(service);
        // In the app's directory by the jar's relative path, as up starts each instance in its copy of it: the archive
        // records the class path as up's training start gave it.
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("startup-" + service, ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("PG_PORT", "15432")
                + "/" + service.substring(0, service.indexOf('-')));
        env.put("QUARKUS_DATASOURCE_USERNAME", "app");
        env.put("QUARKUS_DATASOURCE_PASSWORD", platform.secret("DB_PASSWORD"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", platform.kafkaBootstrap());
        env.put("JWT_PUBLIC_KEY_LOCATION", platform.root.resolve("deployment/local/.runtime/jwt/public.pem").toString());
        env.put("JWT_ISSUER", "https://techschools.local");
        env.put("JWT_AUDIENCE", "techschools");
        env.put("PERSON_KEY_SECRET", platform.secret("PERSON_KEY_SECRET"));
        env.put("ID_ENCRYPTION_KEY", platform.secret("ID_ENCRYPTION_KEY"));
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(service + " exited during start, exit " + process.exitValue());
                }
                try {
                    if (platform.http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notListeningYet) {
                    // the port opens late in the start; keep asking
                }
                if (System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException(service + " not ready within 2 minutes");
                }
                Thread.sleep(20);
            }
            long readyMs = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(IDLE.toMillis());
            return new long[] { readyMs, residentMegabytes(process.pid()) };
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
