package org.techschools.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Issue 7 L3 / issue 6 item 7: time from the answer to the POST that completes a double registration until the
 * alert is visible on {@code GET /api/v1/alerts}, at a fixed rate of pairs. A watcher polls the alert list every
 * 20 ms (the figures include up to that much polling delay). Goals: p50 <= 100 ms, p99 <= 1 s.
 */
final class AlertLatencyBenchmark {

    private static final int PAIRS_PER_SECOND = 10;
    private static final long POLL_MILLIS = 20;
    private final LocalPlatform platform;

    AlertLatencyBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int seconds) throws Exception {
        String first = Workload.createSchool(platform, "E2EA", "330100");
        String second = Workload.createSchool(platform, "E2EB", "330200");
        String firstToken = platform.token("school", "--school", first);
        String secondToken = platform.token("school", "--school", second);
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicBoolean watching = new AtomicBoolean(true);
        String since = Instant.now().minusSeconds(5).toString();
        Thread watcher = new Thread(() -> watch(second, since, answeredAt, latency, watching), "alert-watcher");
        watcher.start();

        int pairs = PAIRS_PER_SECOND * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            long due = start + i * (1_000_000_000L / PAIRS_PER_SECOND);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            Workload.Person person = Workload.Person.random();
            post(firstToken, Workload.enrollment(first, "A-" + i, person));
            post(secondToken, Workload.enrollment(second, "B-" + i, person));
            answeredAt.put("B-" + i, System.nanoTime());
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (latency.getTotalCount() < pairs && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        watching.set(false);
        watcher.join();
        Bench.header("POST -> DOUBLE_REGISTRATION visible on GET /api/v1/alerts (" + pairs + " pairs at " + PAIRS_PER_SECOND + "/s)");
        Bench.row("alerts seen / pairs", latency.getTotalCount() + " / " + pairs);
        Bench.row("p50 ms (goal <= 100)", PushLatencyBenchmark.ms(latency.getValueAtPercentile(50)));
        Bench.row("p99 ms (goal <= 1000)", PushLatencyBenchmark.ms(latency.getValueAtPercentile(99)));
        Bench.row("max ms", PushLatencyBenchmark.ms(latency.getMaxValue()));
        return latency.getTotalCount() == pairs && latency.getValueAtPercentile(50) <= 100_000_000L
                && latency.getValueAtPercentile(99) <= 1_000_000_000L;
    }

    private void post(String token, Map<String, Object> body) throws Exception {
        var answer = platform.post(platform.enrollmentUrl() + "/api/v1/enrollments", token, Workload.JSON.writeValueAsString(body));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("push failed: " + answer.statusCode() + " " + answer.body());
        }
    }

    private void watch(String school, String since, Map<String, Long> answeredAt, Histogram latency, AtomicBoolean watching) {
        String token = platform.token("auditor");
        String url = platform.registrationUrl() + "/api/v1/alerts?type=DOUBLE_REGISTRATION&limit=500&school=" + school + "&from=" + since;
        while (watching.get()) {
            try {
                JsonNode page = Workload.JSON.readTree(platform.get(url, token).body());
                long seen = System.nanoTime();
                for (JsonNode alert : page.path("items")) {
                    for (JsonNode record : alert.path("records")) {
                        Long answered = answeredAt.remove(record.path("sourceRecordId").asText());
                        if (answered != null) {
                            latency.recordValue(Math.max(0, seen - answered));
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                System.err.println("alert watcher: " + e.getMessage());
            }
        }
    }
}
