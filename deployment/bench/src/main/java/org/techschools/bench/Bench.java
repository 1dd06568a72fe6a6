package org.techschools.bench;

import java.nio.file.Path;
import java.util.Locale;

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
        boolean met = switch (scenario) {
            case "ingest" -> new IngestBenchmark(platform).run(arg == null ? 100_000 : Integer.parseInt(arg));
            case "latency" -> new PushLatencyBenchmark(platform).run(arg == null ? 60 : Integer.parseInt(arg));
            case "kafka-floor" -> new KafkaFloorBenchmark(platform).run(arg == null ? 100_000 : Integer.parseInt(arg));
            case "e2e" -> new AlertLatencyBenchmark(platform).run(arg == null ? 60 : Integer.parseInt(arg));
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        System.exit(met ? 0 : 1);
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
