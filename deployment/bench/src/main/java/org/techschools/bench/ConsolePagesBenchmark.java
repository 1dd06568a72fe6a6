package org.techschools.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The console's pages under 20 people at once (closed loop, each person opening page after page): HTML p50/p99 and
 * size per page, beside the JSON API call that gives the same figures (the baseline, same run). Goals: page p99 ≤ 200
 * ms, no page over 500 KB, no failed request. Runs against what the local platform holds (demo data, plus whatever
 * `ingest` or `dashboards` loaded before).
 */
final class ConsolePagesBenchmark {

    private static final int CLIENTS = 20;
    private static final long GOAL_P99_MICROS = 200_000;
    private static final int MAX_PAGE_BYTES = 500 * 1024;

    /** One page and the API call behind its figures, both asked by the same person. */
    private record View(String name, String session, String page, String api) {
    }

    private final LocalPlatform platform;

    ConsolePagesBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int seconds) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.isAfter(LocalDate.of(today.getYear(), 10, 31)) ? today.getYear() + 1 : today.getYear();
        String month = reportMonth(today);
        String auditor = platform.token("auditor");
        String province = platform.token("province", "--region", "330000");
        String city = platform.token("city", "--region", "330100");
        String school = platform.token("school", "--school", "33010001");
        String q = platform.quotaUrl(), e = platform.enrollmentUrl(), r = platform.registrationUrl();
        List<View> views = List.of(
                new View("auditor alert list", auditor, r + "/console/alerts", r + "/api/v1/alerts"),
                new View("province dashboard", province, q + "/console/dashboard?year=" + year,
                        q + "/api/v1/progress?year=" + year + "&province=330000"),
                new View("city drill-down", city, q + "/console/dashboard/cities/330100?year=" + year,
                        q + "/api/v1/progress/330100/schools?year=" + year),
                new View("province 进展表 " + month, province, e + "/console/progress-reports?month=" + month,
                        e + "/api/v1/progress-reports/330000/" + month),
                new View("school page", school, e + "/console/school", e + "/api/v1/enrollments?school=33010001&limit=50"),
                new View("plans", province, q + "/console/plans?year=" + year, q + "/api/v1/plans?year=" + year));

        Map<String, Histogram> latency = new LinkedHashMap<>();
        Map<String, AtomicLong> largest = new ConcurrentHashMap<>();
        for (View v : views) {
            latency.put(v.page(), new ConcurrentHistogram(60_000_000L, 3));
            latency.put(v.api(), new ConcurrentHistogram(60_000_000L, 3));
            largest.put(v.page(), new AtomicLong());
        }
        AtomicLong errors = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long warmUpEnd = System.nanoTime() + 10_000_000_000L;
        long end = warmUpEnd + seconds * 1_000_000_000L;
        ClosedLoop.run(CLIENTS, "console-client", end, (client, k) -> {
            View v = views.get((int) (k % views.size()));
            // The page as a browser asks it (the session cookie), then the API as a system asks it (bearer).
            fetch(HttpRequest.newBuilder(URI.create(v.page())).header("Cookie", "techschools_session=" + v.session())
                    .header("Accept", "text/html"), v.page(), warmUpEnd, latency, largest, errors, failures);
            fetch(HttpRequest.newBuilder(URI.create(v.api())).header("Authorization", "Bearer " + v.session())
                    .header("Accept", "application/json"), v.api(), warmUpEnd, latency, null, errors, failures);
        });

        boolean met = errors.get() == 0;
        Bench.header(CLIENTS + " people (closed loop) for " + seconds + " s after a 10 s warm-up; goal page p99 <= 200 ms, <= 500 KB");
        for (View v : views) {
            Histogram page = latency.get(v.page());
            Histogram api = latency.get(v.api());
            Bench.row(v.name() + " page p50 / p99 (ms)", ms(page, 50) + " / " + ms(page, 99));
            Bench.row(v.name() + " API p50 / p99 (ms)", ms(api, 50) + " / " + ms(api, 99));
            Bench.row(v.name() + " page p99 / API p99", api.getValueAtPercentile(99) == 0 ? "-"
                    : String.format("%.2f", page.getValueAtPercentile(99) / (double) api.getValueAtPercentile(99)));
            Bench.row(v.name() + " largest page (KB)", String.format("%.1f", largest.get(v.page()).get() / 1024.0));
            boolean viewMet = page.getTotalCount() > 0 && page.getValueAtPercentile(99) <= GOAL_P99_MICROS
                    && largest.get(v.page()).get() <= MAX_PAGE_BYTES;
            Bench.row(v.name() + " goal", viewMet ? "met" : "MISSED");
            met &= viewMet;
        }
        Bench.row("pages and API calls measured", Long.toString(latency.values().stream().mapToLong(Histogram::getTotalCount).sum()));
        Bench.row("failed requests (non-200 or error)", Long.toString(errors.get()));
        failures.stream().distinct().limit(5).forEach(f -> System.out.println("  " + f));
        return met;
    }

    private void fetch(HttpRequest.Builder request, String url, long warmUpEnd, Map<String, Histogram> latency,
            Map<String, AtomicLong> largest, AtomicLong errors, List<String> failures) {
        long sent = System.nanoTime();
        try {
            HttpResponse<byte[]> answer = platform.http.send(request.timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long micros = (System.nanoTime() - sent) / 1000;
            if (answer.statusCode() != 200) {
                errors.incrementAndGet();
                failures.add(answer.statusCode() + " " + url);
                return;
            }
            if (largest != null) {
                largest.get(url).accumulateAndGet(answer.body().length, Math::max);
            }
            if (sent > warmUpEnd) {
                latency.get(url).recordValue(Math.min(micros, 60_000_000L));
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            failures.add(e.getClass().getSimpleName() + " " + url);
        }
    }

    /** The latest month of the 进展表 schedule (August to November) that has begun. */
    private static String reportMonth(LocalDate today) {
        int year = today.getMonthValue() < 8 ? today.getYear() - 1 : today.getYear();
        int month = today.getYear() == year ? Math.min(11, today.getMonthValue()) : 11;
        return String.format("%d-%02d", year, month);
    }

    private static String ms(Histogram h, double percentile) {
        return String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }
}
