package org.techschools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point of deployment/bench/run: each scenario prints a table of figures, with a baseline measured in the
 * same run where the issue asks for a ratio, and exits non-zero when its goal is missed.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        LocalPlatform platform = new LocalPlatform(Path.of(args[0]));
        String scenario = args[1];
        String arg = args.length > 2 ? args[2] : null;
        Set<String> stopped = servicesToStop(scenario);
        if (!scenario.equals("kafka-floor") && !scenario.equals("name-matching") && !scenario.equals("startup")) {
            platform.awaitConsumersAssigned(Duration.ofMinutes(3), stopped);
        }
        stopped.forEach(new Faults(platform)::stop);
        if (!stopped.isEmpty()) {
            System.out.println("BENCH_STOP: " + String.join(", ", stopped)
                    + " stopped for this run (their consumers do not share the cores); deployment/local/up starts them again");
        }
        boolean met = switch (scenario) {
            case "ingest" -> new IngestBenchmark(platform).run(arg == null ? 100_000 : Integer.parseInt(arg));
            case "ingest-scale" -> new IngestBenchmark(platform).scale(arg == null ? 100_000 : Integer.parseInt(arg));
            case "latency" -> new PushLatencyBenchmark(platform).run(arg == null ? 60 : Integer.parseInt(arg));
            case "kafka-floor" -> new KafkaFloorBenchmark(platform).run(arg == null ? 100_000 : Integer.parseInt(arg));
            case "e2e" -> new AlertLatencyBenchmark(platform).run(arg == null ? 60 : Integer.parseInt(arg));
            case "console" -> new ConsolePagesBenchmark(platform).run(arg == null ? 60 : Integer.parseInt(arg));
            case "console-load" -> new ConsoleDataLoad(platform).run(arg == null ? 1_000_000 : Integer.parseInt(arg));
            case "dashboards" -> new DashboardBenchmark(platform, stopped).run(arg == null ? 1_000_000 : Integer.parseInt(arg));
            case "r1-broker-crash" -> new CrashScenarios(platform).brokerCrash(records(arg));
            case "r2-database-outage" -> new CrashScenarios(platform).databaseOutage(records(arg));
            case "r3-consumer-crash" -> new CrashScenarios(platform).consumerCrash(records(arg));
            case "r4-relay-crash" -> new CrashScenarios(platform).relayCrash(records(arg));
            case "failover-broker" -> new FailoverScenarios(platform).brokerFailover(records(arg));
            case "failover-instance" -> new FailoverScenarios(platform).instanceFailover(records(arg));
            case "rolling-restart" -> new FailoverScenarios(platform).rollingRestart(records(arg));
            case "registry-load" -> new RegistryLoadBenchmark(platform).run(arg == null ? 1_000_000 : Integer.parseInt(arg));
            case "registry-e2e" -> new RegistryE2eBenchmark(platform, stopped).run(arg == null ? 500 : Integer.parseInt(arg),
                    args.length > 3 ? Integer.parseInt(args[3]) : 60);
            case "startup" -> new StartupBenchmark(platform).run(arg == null ? 3 : Integer.parseInt(arg));
            case "tracing" -> new TracingBenchmark(platform).run(arg == null ? 60 : Integer.parseInt(arg));
            case "name-matching" -> new NameMatchingBenchmark().run(arg == null ? 1_000_000 : Integer.parseInt(arg),
                    args.length > 3 ? Integer.parseInt(args[3]) : 100_000, args.length > 4 ? Integer.parseInt(args[4]) : 30_000);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        System.exit(met ? 0 : 1);
    }

    /**
     * {@code BENCH_STOP=service,...}: services stopped cleanly before a scenario (deployment/local/down SERVICE;
     * deployment/local/up starts them again), to measure one service's figures without the others' consumers taking
     * this machine's two cores — in production each service has its own host. The table says which were stopped.
     */
    private static Set<String> servicesToStop(String scenario) {
        Set<String> stopped = new java.util.LinkedHashSet<>();
        for (String service : System.getenv().getOrDefault("BENCH_STOP", "").split(",")) {
            if (!service.isBlank()) {
                if (!Faults.SERVICES.contains(service.trim()) || scenario.matches("r\\d-.*|failover-.*|rolling-restart|registry-load|tracing")) {
                    throw new IllegalArgumentException("BENCH_STOP names services " + Faults.SERVICES
                            + ", for the benchmarks only (not the crash or failover scenarios, registry-load, or tracing:"
                            + " it restarts all three): " + service);
                }
                stopped.add(service.trim());
            }
        }
        return stopped;
    }

    /** Records of a crash or failover scenario: 100,000 as issues 7 and 21 ask, fewer for a quick check (at least 1,000). */
    private static int records(String arg) {
        int records = arg == null ? 100_000 : Integer.parseInt(arg);
        if (records < 1_000) {
            throw new IllegalArgumentException("a crash scenario needs at least 1000 records, got " + records);
        }
        return records;
    }

    static void row(String what, String value) {
        System.out.printf("| %-58s | %20s |%n", what, value);
    }

    static void header(String title) {
        System.out.println();
        System.out.println("## " + title);
        System.out.printf("| %-58s | %20s |%n", "figure", "value");
        System.out.println("|" + "-".repeat(60) + "|" + "-".repeat(22) + "|");
    }
}
