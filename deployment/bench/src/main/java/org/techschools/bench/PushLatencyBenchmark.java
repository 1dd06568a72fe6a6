package org.techschools.bench;

import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Issue 4 item 7: single-record {@code POST /api/v1/enrollments} latency at a fixed 200 requests/s. Open loop:
 * each request is timed from when it was due, so a stall counts against every request it delays.
 * Goal: p99 <= 50 ms.
 */
final class PushLatencyBenchmark {

    private static final int RATE = 200;
    private final LocalPlatform platform;

    PushLatencyBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int seconds) throws Exception {
        String school = Workload.createSchool(platform, "LAT", "330100");
        String token = platform.token("school", "--school", school);
        String url = platform.enrollmentUrl() + "/api/v1/enrollments";
        int total = RATE * seconds;
        // Bodies prepared up front: the client's own work must not show up as server latency.
        String[] bodies = new String[total];
        for (int i = 0; i < total; i++) {
            bodies[i] = Workload.JSON.writeValueAsString(Workload.enrollment(school, "LAT-" + i, Workload.Person.random()));
        }
        warmUp(school, token, url);

        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            platform.http.sendAsync(platform.postRequest(url, token, bodies[i]), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, error) -> {
                        latency.recordValue(System.nanoTime() - due);
                        if (error != null || answer.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        // Bounded: whatever has not answered two minutes after the last send counts as failed.
        boolean allAnswered = done.await(120, java.util.concurrent.TimeUnit.SECONDS);
        failures.addAndGet((int) done.getCount());
        double elapsed = (System.nanoTime() - start) / 1e9;
        Bench.header("Single POST /api/v1/enrollments at " + RATE + " requests/s for " + seconds + " s");
        Bench.row("requests (failed or unanswered)", total + " (" + failures.get() + ")");
        Bench.row("achieved requests/s", String.format("%.1f", total / elapsed));
        Bench.row("p50 ms", ms(latency.getValueAtPercentile(50)));
        Bench.row("p90 ms", ms(latency.getValueAtPercentile(90)));
        Bench.row("p99 ms (goal <= 50)", ms(latency.getValueAtPercentile(99)));
        Bench.row("max ms", ms(latency.getMaxValue()));
        return allAnswered && failures.get() == 0 && latency.getValueAtPercentile(99) <= 50_000_000L;
    }

    /**
     * 20 s of POSTs from 8 closed-loop clients before the measured minute: a fresh service JVM spends its first
     * thousands of requests compiling (JIT was over a third of its CPU after a 200-request warm-up), which is not
     * what an office pushing all day sees.
     */
    private void warmUp(String school, String token, String url) throws Exception {
        Semaphore clients = new Semaphore(8);
        long until = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; System.nanoTime() < until; i++) {
            clients.acquire();
            platform.http.sendAsync(platform.postRequest(url, token,
                    Workload.JSON.writeValueAsString(Workload.enrollment(school, "WARM-" + i, Workload.Person.random()))),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((answer, error) -> clients.release());
        }
        clients.acquire(8);
    }

    static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
