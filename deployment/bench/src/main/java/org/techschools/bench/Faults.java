package org.techschools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The faults of R1-R4 and of the cluster's failover scenarios and the recovery, through the scripts of the local run:
 * deployment/bench/fault kills or stops a process deployment/local/up recorded (kafka, a service; on the cluster
 * kafka-1..3 and the instances enrollment-service-1 ... registration-service-2), deployment/local/up (with --cluster
 * on the cluster) starts again what is not running, with its own ports, environment and command line. Their output
 * goes to deployment/bench/target/faults.log.
 */
final class Faults {

    static final List<String> SERVICES = List.of("enrollment-service", "quota-service", "registration-service");
    private static final long SCRIPT_TIMEOUT_SECONDS = 300;
    private final Path root;
    private final Path log;
    private final LocalPlatform platform;

    Faults(LocalPlatform platform) {
        this.platform = platform;
        this.root = platform.root;
        this.log = root.resolve("deployment/bench/target/faults.log");
    }

    /** kill -9 of a Kafka node, a service or an instance. */
    void kill(String name) {
        script(Map.of(), "deployment/bench/fault", "kill", name);
    }

    /**
     * kill -9 straight from this JVM, at a pid looked up (and checked by the fault script) beforehand: R4's window
     * between commit and publish lasts milliseconds, less than starting a shell takes.
     */
    void killAt(String name, long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is gone"));
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * A clean stop (SIGTERM, as deployment/local/down does) of these services or instances, in parallel; startMissing()
     * brings them back.
     */
    void stop(String... services) {
        String[] command = new String[services.length + 1];
        command[0] = "deployment/local/down";
        System.arraycopy(services, 0, command, 1, services.length);
        script(Map.of(), command);
    }

    /** pg_ctl stop -m fast: open transactions are rolled back, sessions end, new connections are refused. */
    void stopPostgres() {
        script(Map.of(), "deployment/bench/fault", "stop-postgres");
    }

    /** Starts whichever of PostgreSQL and the Kafka nodes is not running; the services are left alone. */
    void startInfrastructure() {
        up(Map.of(), "--infra-only");
    }

    /** Starts whatever is not running (here the killed service) as up always does, and returns when all are ready. */
    void startMissing() {
        startMissing(Map.of());
    }

    /**
     * {@link #startMissing()} with these variables added to up's environment: up starts each service JVM with its own
     * environment plus the ports, database and keys ({@code exec env VAR=... java}), so they reach the services it starts.
     */
    void startMissing(Map<String, String> environment) {
        up(environment, "--no-demo");
    }

    private void up(Map<String, String> environment, String option) {
        if (platform.isCluster()) {
            script(environment, "deployment/local/up", "--cluster", option);
        } else {
            script(environment, "deployment/local/up", option);
        }
    }

    /** The recorded pid of each service process: unchanged pids prove that a service was not restarted. */
    Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String process : platform.processUrls().keySet()) {
            pids.put(process, pid(process).orElse(-1));
        }
        return pids;
    }

    /** CPU seconds so far of process {@code pid}, known as {@code name}: utime + stime, which ProcessHandle reads from /proc. */
    static double cpuSeconds(String name, long pid) {
        return (pid < 0 ? Optional.<ProcessHandle>empty() : ProcessHandle.of(pid))
                .flatMap(handle -> handle.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException(name + " is not running: did it crash?")).toNanos() / 1e9;
    }

    OptionalLong pid(String name) {
        try {
            Process p = new ProcessBuilder(root.resolve("deployment/bench/fault").toString(), "pid", name)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? OptionalLong.of(Long.parseLong(out)) : OptionalLong.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void script(Map<String, String> environment, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, root.resolve(command[0]).toString());
        try {
            Files.createDirectories(log.getParent());
            StringBuilder shown = new StringBuilder("\n$ ");
            environment.forEach((name, value) -> shown.append(name).append('=').append(value).append(' '));
            Files.writeString(log, shown + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s (" + log + ")");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit " + p.exitValue() + " (" + log + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
