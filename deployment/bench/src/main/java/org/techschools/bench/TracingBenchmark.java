package org.techschools.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What tracing costs the platform: the three services restarted by deployment/local/up first with the OpenTelemetry
 * SDK off (the baseline, same run), then sampling every new trace as production does and exporting the spans over
 * OTLP/HTTP to a sink in this JVM. In each mode, after the same warm-ups: single-push latency as the {@code latency}
 * scenario measures it ({@link PushLatencyBenchmark}), POST -> alert latency as {@code e2e} does
 * ({@link AlertLatencyBenchmark}), and the CPU time the services used during each timed phase. The sink answers every
 * export at once, like a collector that keeps up, so the figures hold the services' own cost of recording, sampling and
 * sending spans, not a slow collector's back-pressure.
 * <p>
 * Off, then every trace, once each: each mode starts fresh JVMs and warms them up the same way (minutes of it), so
 * their order matters little, while alternating twice would double a run its warm-ups already make long; for the
 * spread, run it again.
 * <p>
 * The modes switch by environment variables, which up passes on to the JVMs it starts. up starts the services in
 * profile prod,demo, and platform-commons sets {@code %demo.quarkus.otel.traces.sampler.arg=0.0}; the plain
 * QUARKUS_OTEL_TRACES_SAMPLER_ARG still wins, because SmallRye Config's ProfileConfigSourceInterceptor takes the plain
 * name's value over the profile's when its source ranks higher (environment 300, a jar's
 * microprofile-config.properties 100). The sink proves it: at 0.0 no new trace is sampled, so none is exported.
 * Single-node only ({@code up --no-demo}), where each service is one process to restart and to take the CPU time of.
 */
final class TracingBenchmark {

    private static final Map<String, String> OFF = Map.of("QUARKUS_OTEL_SDK_DISABLED", "true");
    private final LocalPlatform platform;
    private final Faults faults;

    TracingBenchmark(LocalPlatform platform) {
        this.platform = platform;
        this.faults = new Faults(platform);
    }

    boolean run(int seconds) throws Exception {
        if (platform.isCluster()) {
            throw new IllegalStateException("tracing runs on the single-node platform: deployment/local/down, then "
                    + "deployment/local/up --no-demo");
        }
        try (SpanSink sink = new SpanSink()) {
            try {
                Mode off;
                Mode every;
                try {
                    off = measure("tracing off", OFF, seconds);
                    every = measure("every trace", Map.of(
                            "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0",
                            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + sink.port(),
                            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"), seconds);
                } finally {
                    // A stopping service sends the spans its batch processor still holds, so the sink's count is complete.
                    stopServices();
                }
                return report(seconds, off, every, sink);
            } finally {
                // As plain `up --no-demo` leaves them: no extra environment.
                faults.startMissing();
            }
        }
    }

    private Mode measure(String mode, Map<String, String> environment, int seconds) throws Exception {
        System.out.println(mode + ": restarting the services with " + environment);
        stopServices();
        faults.startMissing(environment);
        platform.awaitConsumersAssigned(Duration.ofMinutes(3), Set.of());
        Map<String, Long> pids = faults.servicePids();
        PushLatencyBenchmark pushes = new PushLatencyBenchmark(platform);
        int warmUpSeconds = pushes.warmUp();
        System.out.println(mode + ": single pushes warmed up for " + warmUpSeconds + " s, timing " + seconds + " s");
        Map<String, Double> before = cpuSeconds(pids);
        PushLatencyBenchmark.Figures pushed = pushes.measure(seconds);
        Cpu pushCpu = Cpu.between(before, cpuSeconds(pids));
        AlertLatencyBenchmark alerts = new AlertLatencyBenchmark(platform);
        alerts.warmUp();
        System.out.println(mode + ": pairs warmed up, timing " + seconds + " s");
        before = cpuSeconds(pids);
        AlertLatencyBenchmark.Figures alerted = alerts.measure(seconds);
        return new Mode(pushed, pushCpu, alerted, Cpu.between(before, cpuSeconds(pids)));
    }

    private void stopServices() {
        faults.stop(Faults.SERVICES.toArray(String[]::new));
    }

    private static boolean report(int seconds, Mode off, Mode every, SpanSink sink) {
        System.out.println();
        System.out.println("## Tracing off (QUARKUS_OTEL_SDK_DISABLED) against every trace (sampler arg 1.0, spans over "
                + "OTLP/HTTP to a sink that answers at once): " + seconds + " s per timed phase, after the warm-ups of "
                + "`latency` and `e2e`");
        row("figure", "tracing off", "every trace", "every/off");
        System.out.println("|" + "-".repeat(56) + "|" + "-".repeat(15) + "|" + "-".repeat(15) + "|" + "-".repeat(11) + "|");
        row("single POST (as `latency`): requests (failed)", off.pushes().requests() + " (" + off.pushes().failures() + ")",
                every.pushes().requests() + " (" + every.pushes().failures() + ")", "-");
        row("single POST p50 ms", millis(off.pushes().latency().getValueAtPercentile(50)),
                millis(every.pushes().latency().getValueAtPercentile(50)));
        row("single POST p99 ms", millis(off.pushes().latency().getValueAtPercentile(99)),
                millis(every.pushes().latency().getValueAtPercentile(99)));
        row("enrollment-service CPU s during the pushes", off.pushCpu().enrollment(), every.pushCpu().enrollment());
        row("three services' CPU s during the pushes", off.pushCpu().services(), every.pushCpu().services());
        row("POST -> alert (as `e2e`): alerts seen / pairs", off.alertsSeen(), every.alertsSeen(), "-");
        row("POST -> alert p50 ms", millis(off.alerts().latency().getValueAtPercentile(50)),
                millis(every.alerts().latency().getValueAtPercentile(50)));
        row("POST -> alert p99 ms", millis(off.alerts().latency().getValueAtPercentile(99)),
                millis(every.alerts().latency().getValueAtPercentile(99)));
        row("enrollment-service CPU s during the pairs", off.alertCpu().enrollment(), every.alertCpu().enrollment());
        row("three services' CPU s during the pairs", off.alertCpu().services(), every.alertCpu().services());
        row("span exports to the sink (whole mode, warm-ups too)", "-", Long.toString(sink.exports.get()), "-");
        row("their bytes (whole mode, warm-ups too)", "-", Long.toString(sink.bytes.get()), "-");
        boolean met = true;
        if (sink.exports.get() == 0) {
            System.out.println("FAILED: the sink received no span export in 'every trace' mode (" + sink.strays.get()
                    + " requests to other paths): no span was sampled or sent, so the two modes measured the same thing");
            met = false;
        }
        if (!off.complete() || !every.complete()) {
            System.out.println("FAILED: a timed phase lost pushes or alerts (see the table): its percentiles mean nothing");
            met = false;
        }
        return met;
    }

    private static void row(String figure, String off, String every, String ratio) {
        System.out.printf("| %-54s | %13s | %13s | %9s |%n", figure, off, every, ratio);
    }

    private static void row(String figure, double off, double every) {
        row(figure, String.format("%.1f", off), String.format("%.1f", every), off > 0 ? String.format("%.2f", every / off) : "-");
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** CPU seconds so far of each service process. */
    private static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((process, pid) -> seconds.put(process, Faults.cpuSeconds(process, pid)));
        return seconds;
    }

    /** CPU seconds used in a timed phase: by enrollment-service, and by the three services together. */
    private record Cpu(double enrollment, double services) {

        static Cpu between(Map<String, Double> before, Map<String, Double> after) {
            double services = 0;
            for (String service : after.keySet()) {
                services += after.get(service) - before.get(service);
            }
            return new Cpu(after.get("enrollment-service") - before.get("enrollment-service"), services);
        }
    }

    private record Mode(PushLatencyBenchmark.Figures pushes, Cpu pushCpu, AlertLatencyBenchmark.Figures alerts, Cpu alertCpu) {

        String alertsSeen() {
            return alerts.latency().getTotalCount() + " / " + alerts.pairs();
        }

        boolean complete() {
            return pushes.failures() == 0 && alerts.latency().getTotalCount() == alerts.pairs();
        }
    }

    /**
     * A collector's stand-in on 127.0.0.1 (a free port): takes each {@code POST /v1/traces}, answers it 200 with an
     * empty ExportTraceServiceResponse (protobuf with no field set: all spans accepted), and counts the exports and
     * their bytes; anything else is answered 404 and counted apart.
     */
    private static final class SpanSink implements AutoCloseable {

        private final HttpServer server;
        private final AtomicLong exports = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong strays = new AtomicLong();

        SpanSink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try {
                long received = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals("/v1/traces")) {
                    exports.incrementAndGet();
                    bytes.addAndGet(received);
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    strays.incrementAndGet();
                    exchange.sendResponseHeaders(404, -1);
                }
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
