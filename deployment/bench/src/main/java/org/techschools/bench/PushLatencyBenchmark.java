package org.techschools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Issue 4 item 7: single-record {@code POST /api/v1/enrollments} latency at a fixed 200 requests/s. Open loop:
 * each request is timed from when it was due, so a stall counts against every request it delays (a request waiting
 * for a free sender included).
 * Goal: p99 <= 50 ms.
 * <p>
 * The client shares the two cores with the service, PostgreSQL and Kafka, so it is a lean one: blocking
 * {@link HttpURLConnection}s on kept-alive connections from a fixed set of sender threads (the JDK's asynchronous
 * HttpClient took a third of a core at this rate, most of it in its own scheduling).
 */
final class PushLatencyBenchmark {

    private static final int RATE = 200;
    /** Requests in flight at most: 200 ms of the rate, far above what the service needs when it keeps up. */
    private static final int SENDERS = 40;
    private final LocalPlatform platform;
    private String school;
    private String token;
    private URL url;

    PushLatencyBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    /** One timed phase: requests sent, those failed or unanswered, its length and each answer's time since it was due. */
    record Figures(int requests, int failures, double seconds, Histogram latency) {
    }

    boolean run(int seconds) throws Exception {
        int warmUpSeconds = warmUp();
        Figures figures = measure(seconds);
        Histogram latency = figures.latency();
        Bench.header("Single POST /api/v1/enrollments at " + RATE + " requests/s for " + seconds + " s (after "
                + warmUpSeconds + " s at the same rate, not measured)");
        Bench.row("requests (failed or unanswered)", figures.requests() + " (" + figures.failures() + ")");
        Bench.row("achieved requests/s", String.format("%.1f", figures.requests() / figures.seconds()));
        Bench.row("p50 ms", ms(latency.getValueAtPercentile(50)));
        Bench.row("p90 ms", ms(latency.getValueAtPercentile(90)));
        Bench.row("p99 ms (goal <= 50)", ms(latency.getValueAtPercentile(99)));
        Bench.row("max ms", ms(latency.getMaxValue()));
        return figures.failures() == 0 && latency.getValueAtPercentile(99) <= 50_000_000L;
    }

    /**
     * A new school to push to, then pushes at the rate for LATENCY_WARMUP_SECONDS (default 120), not measured: a fresh
     * service JVM on two shared cores is still compiling minutes after its start, which is not what an office pushing
     * all day sees.
     *
     * @return the warm-up's seconds
     */
    int warmUp() throws Exception {
        school = Workload.createSchool(platform, "LAT", "330100");
        token = platform.token("school", "--school", school);
        url = new URL(platform.enrollmentUrl() + "/api/v1/enrollments");
        // Read once, when the first connection is opened: without it only five idle connections are kept alive.
        System.setProperty("http.maxConnections", Integer.toString(SENDERS));
        int warmUpSeconds = Integer.parseInt(System.getenv().getOrDefault("LATENCY_WARMUP_SECONDS", "120"));
        send("WARM-", RATE * warmUpSeconds, null);
        return warmUpSeconds;
    }

    /** The timed phase, after {@link #warmUp()}: {@code seconds} at the rate, to the warm-up's school. */
    Figures measure(int seconds) throws Exception {
        if (school == null) {
            throw new IllegalStateException("measure() follows warmUp()");
        }
        Histogram latency = new ConcurrentHistogram(300_000_000_000L, 3);
        long start = System.nanoTime();
        int total = RATE * seconds;
        int failures = send("LAT-", total, latency);
        return new Figures(total, failures, (System.nanoTime() - start) / 1e9, latency);
    }

    /**
     * Sends {@code count} new records at the rate, each due at its slot, and waits for every answer (at most two
     * minutes after the last send).
     *
     * @param latency records each answer's time since its due time; null for the warm-up
     * @return the requests that failed or were not answered 201 in time
     */
    private int send(String prefix, int count, Histogram latency) throws Exception {
        // Bodies prepared up front: the client's own work must not show up as server latency.
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            bodies[i] = Workload.JSON.writeValueAsBytes(Workload.enrollment(school, prefix + i, Workload.Person.random()));
        }
        AtomicInteger created = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            byte[] body = bodies[i];
            senders.execute(() -> {
                boolean answered201 = post(url, token, body);
                if (latency != null) {
                    latency.recordValue(Math.min(System.nanoTime() - due, latency.getHighestTrackableValue()));
                }
                if (answered201) {
                    created.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(120, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
        // Counted from the successes: a request still hanging at the deadline is a failure too, not only one never sent.
        return count - created.get();
    }

    /** One POST on a kept-alive connection (the body is read to the end so the connection goes back to the cache). */
    private static boolean post(URL url, String token, byte[] body) {
        try {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setConnectTimeout(5_000);
            c.setReadTimeout(120_000);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status == 201;
        } catch (IOException e) {
            return false;
        }
    }

    static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
