package org.techschools.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data the console benchmark's pages are measured on: N enrollments of the demo's intake pushed through the batch
 * API, a tenth at the demo's provincial college (the school page's roll and the city drill-down), the rest spread over
 * three new schools in each of Zhejiang's eleven cities (the province dashboard), then a wait until quota-service has
 * counted them and every consumer is idle, so the pages are measured on a platform at rest.
 */
final class ConsoleDataLoad {

    private static final String PROVINCE = "330000";
    private static final String DEMO_COLLEGE = "33010001";
    /** A major the demo college files at 中级工 level (deployment/local/DemoData.java). */
    private static final String DEMO_COLLEGE_MAJOR = "0103";
    private static final String[] CITIES = { "330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800",
            "330900", "331000", "331100" };
    private static final int SCHOOLS_PER_CITY = 3;
    private static final int BATCH = 1_000;
    private static final int PUSHERS = 4;

    private final LocalPlatform platform;

    ConsoleDataLoad(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int records) throws Exception {
        // The demo's intake: the next one whose 学籍 deadline (31 March, 31 October) has not passed.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        boolean spring = today.isBefore(LocalDate.of(today.getYear(), 4, 1)) || today.isAfter(LocalDate.of(today.getYear(), 10, 31));
        int year = today.isAfter(LocalDate.of(today.getYear(), 10, 31)) ? today.getYear() + 1 : today.getYear();
        String season = spring ? "SPRING" : "AUTUMN";
        String enrolledOn = year + (spring ? "-03-02" : "-09-01");
        List<String> schools = new ArrayList<>();
        for (String city : CITIES) {
            for (int i = 0; i < SCHOOLS_PER_CITY; i++) {
                schools.add(Workload.createSchool(platform, "CON" + city.substring(2, 4) + i, city, year));
            }
        }
        long before = provinceActual(year);
        Bench.header("Console data: " + records + " enrollments of intake " + year + " " + season + " through the batch API");
        long start = System.nanoTime();
        AtomicInteger nextBatch = new AtomicInteger();
        int batches = (records + BATCH - 1) / BATCH;
        List<Thread> pushers = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < PUSHERS; t++) {
            Thread pusher = new Thread(() -> {
                try {
                    for (int b = nextBatch.getAndIncrement(); b < batches && failures.isEmpty(); b = nextBatch.getAndIncrement()) {
                        // Every tenth batch goes to the demo college, the others round the new schools.
                        boolean college = b % 10 == 0;
                        String school = college ? DEMO_COLLEGE : schools.get(b % schools.size());
                        List<java.util.Map<String, Object>> items = new ArrayList<>(BATCH);
                        for (int i = b * BATCH; i < Math.min(records, (b + 1) * BATCH); i++) {
                            items.add(Workload.enrollment(school, "CONSOLE-" + i, Workload.Person.distinct(i),
                                    college ? DEMO_COLLEGE_MAJOR : "0401", year, season, enrolledOn));
                        }
                        Workload.pushBatch(platform, platform.token("school", "--school", school), items);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "console-load-" + t);
            pusher.start();
            pushers.add(pusher);
        }
        for (Thread pusher : pushers) {
            pusher.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double pushed = seconds(start);
        Bench.row("pushed (s) / records per second", String.format("%.1f / %.0f", pushed, records / pushed));

        long bound = Long.parseLong(System.getenv().getOrDefault("CONSOLE_LOAD_TIMEOUT_SECONDS", "3600"));
        long counted = provinceActual(year) - before;
        while (counted < records && seconds(start) < bound) {
            Thread.sleep(5000);
            counted = provinceActual(year) - before;
        }
        Bench.row("counted by quota-service after (s)", String.format("%.1f (%d of %d)", seconds(start), counted, records));
        long lag = platform.consumerLag(Set.of()).values().stream().mapToLong(Long::longValue).sum();
        while (lag > 0 && seconds(start) < bound) {
            Thread.sleep(5000);
            lag = platform.consumerLag(Set.of()).values().stream().mapToLong(Long::longValue).sum();
        }
        Bench.row("every consumer idle after (s)", String.format("%.1f (backlog %d)", seconds(start), lag));
        return counted == records && lag == 0;
    }

    private long provinceActual(int year) throws Exception {
        var answer = platform.get(platform.quotaUrl() + "/api/v1/progress?year=" + year + "&province=" + PROVINCE,
                platform.token("province", "--region", PROVINCE));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/progress answered " + answer.statusCode());
        }
        return Workload.JSON.readTree(answer.body()).get("actual").asLong();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
