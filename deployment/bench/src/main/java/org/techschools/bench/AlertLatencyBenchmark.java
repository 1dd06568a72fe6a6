package org.techschools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private static final int WARM_UP_PAIRS = 3_000;
    /** Newest first: at 10 pairs/s an alert stays on the watcher's page for 5 s, and each poll stays small. */
    private static final int WATCH_PAGE = 50;
    private final LocalPlatform platform;
    private String first;
    private String second;
    private String firstToken;
    private String secondToken;

    AlertLatencyBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    /** One timed phase: the pairs pushed and, for each alert seen in time, its latency. */
    record Figures(int pairs, Histogram latency) {
    }

    boolean run(int seconds) throws Exception {
        warmUp();
        Figures figures = measure(seconds);
        Histogram latency = figures.latency();
        Bench.header("POST -> DOUBLE_REGISTRATION visible on GET /api/v1/alerts (" + figures.pairs() + " pairs at "
                + PAIRS_PER_SECOND + "/s, after " + WARM_UP_PAIRS + " untimed pairs)");
        Bench.row("alerts seen / pairs", latency.getTotalCount() + " / " + figures.pairs());
        Bench.row("p50 ms (goal <= 100)", PushLatencyBenchmark.ms(latency.getValueAtPercentile(50)));
        Bench.row("p99 ms (goal <= 1000)", PushLatencyBenchmark.ms(latency.getValueAtPercentile(99)));
        Bench.row("max ms", PushLatencyBenchmark.ms(latency.getMaxValue()));
        return latency.getTotalCount() == figures.pairs() && latency.getValueAtPercentile(50) <= 100_000_000L
                && latency.getValueAtPercentile(99) <= 1_000_000_000L;
    }

    /** The timed phase, after {@link #warmUp()}: pairs at the rate for {@code seconds}, to the warm-up's two schools. */
    Figures measure(int seconds) throws Exception {
        if (first == null) {
            throw new IllegalStateException("measure() follows warmUp()");
        }
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicBoolean watching = new AtomicBoolean(true);
        // The watcher asks only for alerts of the timed phase: re-reading the warm-up's thousands every 20 ms would load
        // the service it measures.
        String since = Instant.now().minusSeconds(1).toString();
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
        return new Figures(pairs, latency);
    }

    /**
     * Untimed warm-up: a fresh service JVM checks its first thousands of events interpreted or half compiled (on a fresh
     * platform 20 pairs/s built up a backlog of seconds), which is not what an office sees from a running service. So
     * {@value #WARM_UP_PAIRS} pairs go through the batch API first, and the timed phase starts once registration-service
     * has registered all of them (bounded: 5 minutes). The two schools are new ones, for this warm-up and its timed phase.
     */
    void warmUp() throws Exception {
        first = Workload.createSchool(platform, "E2EA", "330100");
        second = Workload.createSchool(platform, "E2EB", "330200");
        firstToken = platform.token("school", "--school", first);
        secondToken = platform.token("school", "--school", second);
        long start = System.nanoTime();
        List<Map<String, Object>> firsts = new ArrayList<>();
        List<Map<String, Object>> seconds = new ArrayList<>();
        for (int i = 0; i < WARM_UP_PAIRS; i++) {
            Workload.Person person = Workload.Person.random();
            firsts.add(Workload.enrollment(first, "WA-" + i, person));
            seconds.add(Workload.enrollment(second, "WB-" + i, person));
        }
        for (int from = 0; from < WARM_UP_PAIRS; from += 500) {
            int to = Math.min(WARM_UP_PAIRS, from + 500);
            Workload.pushBatch(platform, firstToken, firsts.subList(from, to));
            Workload.pushBatch(platform, secondToken, seconds.subList(from, to));
        }
        try (Connection db = platform.database("registration");
                PreparedStatement registered = db.prepareStatement("SELECT count(*) FROM registration WHERE school_code = ?")) {
            registered.setString(1, second);
            long count = 0;
            while (count < WARM_UP_PAIRS && System.nanoTime() - start < 300_000_000_000L) {
                Thread.sleep(1000);
                try (ResultSet rs = registered.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            Bench.row("warm-up: pairs registered / pushed (s)", String.format("%d / %d (%.0f s)", count, WARM_UP_PAIRS,
                    (System.nanoTime() - start) / 1e9));
        }
    }

    private void post(String token, Map<String, Object> body) throws Exception {
        var answer = platform.post(platform.enrollmentUrl() + "/api/v1/enrollments", token, Workload.JSON.writeValueAsString(body));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("push failed: " + answer.statusCode() + " " + answer.body());
        }
    }

    private void watch(String school, String since, Map<String, Long> answeredAt, Histogram latency, AtomicBoolean watching) {
        String token = platform.token("auditor");
        String url = platform.registrationUrl() + "/api/v1/alerts?type=DOUBLE_REGISTRATION&limit=" + WATCH_PAGE + "&school=" + school + "&from=" + since;
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
