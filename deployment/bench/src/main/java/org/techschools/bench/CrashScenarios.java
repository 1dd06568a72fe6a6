package org.techschools.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 7 R1-R4: a fault while {@link EnrollmentStream} pushes N records, injected once a quarter of them is
 * accepted; then the harness waits until the consumers have caught up (or stop moving for three minutes) and checks
 * what every run must hold: every accepted record stored, published, with exactly one 学籍 and counted once by
 * quota-service, and every planted double registration with exactly one alert. Each scenario adds its own promises.
 */
final class CrashScenarios {

    /** The part a scenario adds: injects its fault while the stream is being pushed; adds its rows and promises. */
    interface Fault {
        void inject(EnrollmentStream stream, Report report) throws Exception;
    }

    /** What a scenario checks once the consumers have caught up, beside what every run checks. */
    interface Check {
        void check(EnrollmentStream stream, Report report) throws Exception;
    }

    /** The printed table and the promises that broke. */
    static final class Report {
        final List<String[]> rows = new ArrayList<>();
        final List<String> broken = new ArrayList<>();

        void row(String what, Object value) {
            rows.add(new String[] { what, String.valueOf(value) });
        }

        void promise(boolean held, String promise) {
            if (!held) {
                broken.add(promise);
            }
        }
    }

    static final long SECOND = 1_000_000_000L;
    private final LocalPlatform platform;
    private final Faults faults;

    CrashScenarios(LocalPlatform platform) {
        this.platform = platform;
        this.faults = new Faults(platform);
    }

    /** R1: kill -9 the broker, start it again 20 s later. The batch API does not need Kafka; the relay and consumers wait. */
    boolean brokerCrash(int records) throws Exception {
        return run("R1 broker crash: kill -9 Kafka under load, restart after 20 s", "R1", records, (stream, report) -> {
            faults.kill("kafka");
            long killed = System.nanoTime();
            report.row("Kafka killed (kill -9) at accepted records", stream.acceptedCount());
            Thread.sleep(20_000);
            faults.startInfrastructure();
            report.row("broker down, kill to port open again (s)", seconds(System.nanoTime() - killed));
        });
    }

    /**
     * R2: PostgreSQL stopped (fast) for 30 s. Every push the service answers meanwhile must be a 503 problem with
     * Retry-After, readiness must report DOWN, and everything must recover without restarting a service. Besides
     * the batches (which wait Retry-After), a single POST probes the service every second.
     */
    boolean databaseOutage(int records) throws Exception {
        return run("R2 database outage: PostgreSQL stopped for 30 s under load", "R2", records, (stream, report) -> {
            Map<String, Long> pidsBefore = faults.servicePids();
            long stopping = System.nanoTime();
            faults.stopPostgres();
            long down = System.nanoTime();
            report.row("PostgreSQL stopped at accepted records", stream.acceptedCount());
            AtomicBoolean outage = new AtomicBoolean(true);
            Set<String> sawDown = ConcurrentHashMap.newKeySet();
            AtomicReference<Exception> probeFailure = new AtomicReference<>();
            Thread prober = new Thread(() -> everySecond(outage, probeFailure, stream::probe), "r2-probe");
            Thread readiness = new Thread(() -> everySecond(outage, probeFailure, () -> {
                for (var process : platform.processUrls().entrySet()) {
                    if (platform.status(process.getValue() + "/q/health/ready") == 503) {
                        sawDown.add(process.getKey());
                    }
                }
            }), "r2-readiness");
            prober.start();
            readiness.start();
            Thread.sleep(Math.max(0, 30 * SECOND - (System.nanoTime() - stopping)) / 1_000_000);
            long starting = System.nanoTime();
            faults.startInfrastructure();
            long started = System.nanoTime();
            outage.set(false);
            prober.join();
            readiness.join();

            // The outage as a client could see it: from the completed stop to the start command (no transition).
            List<EnrollmentStream.Answer> during = stream.answers.stream()
                    .filter(a -> a.sentNanos() >= down && a.answeredNanos() <= starting).toList();
            long unavailable = during.stream().filter(a -> a.status() == 503).count();
            long proper = during.stream().filter(a -> a.status() == 503 && a.problemJson() && a.retryAfter() != null).count();
            long accepted = during.stream().filter(a -> a.status() / 100 == 2).count();
            long unanswered = during.stream().filter(a -> a.status() == -1).count();
            long slowest = during.stream().mapToLong(a -> a.answeredNanos() - a.sentNanos()).max().orElse(0);
            report.row("PostgreSQL down, stop to start command (s)", seconds(starting - stopping));
            report.row("pushes answered during the outage", during.size());
            report.row("  503 problem+json with Retry-After", proper + " (Retry-After " + during.stream()
                    .map(EnrollmentStream.Answer::retryAfter).filter(r -> r != null).findFirst().orElse("-") + " s)");
            report.row("  2xx / other status / no answer", accepted + " / " + (during.size() - unavailable - accepted - unanswered) + " / " + unanswered);
            report.row("  slowest answer (ms)", String.format("%.0f", slowest / 1e6));
            report.row("readiness DOWN seen (of " + platform.processUrls().size() + " services)", sawDown.size() + " " + sawDown);

            long readyBy = System.nanoTime() + 120 * SECOND;
            while (!allReady() && System.nanoTime() < readyBy) {
                Thread.sleep(200);
            }
            boolean ready = allReady();
            Map<String, Long> pidsAfter = faults.servicePids();
            report.row("all ready again after PostgreSQL start (s)", ready ? seconds(System.nanoTime() - started) : "not within 120");
            report.row("services restarted", pidsAfter.equals(pidsBefore) ? "none" : pidsBefore + " -> " + pidsAfter);

            report.promise(probeFailure.get() == null, "the probes ran (" + probeFailure.get() + ")");
            report.promise(!during.isEmpty() && proper == during.size(),
                    "every push during the outage is answered 503 problem+json with Retry-After");
            report.promise(slowest <= 10 * SECOND, "pushes during the outage are answered within 10 s (no hang)");
            report.promise(sawDown.size() == platform.processUrls().size(), "readiness reports DOWN during the outage");
            report.promise(ready, "every service is ready again within 120 s of the database's start");
            report.promise(pidsAfter.equals(pidsBefore), "no service was restarted");
        });
    }

    /** R3: kill -9 registration-service while it consumes, start it again at once with up's own command line. */
    boolean consumerCrash(int records) throws Exception {
        return run("R3 consumer crash: kill -9 registration-service mid-stream, restart", "R3", records,
                (stream, report) -> killAndRestart("registration-service", stream, report));
    }

    /**
     * R4: kill -9 enrollment-service while records it committed still wait in the outbox (between commit and
     * publish), start it again; the relay of the new process must publish them, consumers apply each once.
     */
    boolean relayCrash(int records) throws Exception {
        return run("R4 relay crash: kill -9 enrollment-service between commit and publish, restart", "R4", records,
                (stream, report) -> {
                    String service = "enrollment-service";
                    long pid = faults.pid(service).orElseThrow(() -> new IllegalStateException(service + " is not running"));
                    try (var c = platform.database("enrollment")) {
                        long waitUntil = System.nanoTime() + 30 * SECOND;
                        while (unpublished(c) == 0 && System.nanoTime() < waitUntil) {
                            Thread.onSpinWait();
                        }
                    }
                    faults.killAt(service, pid);
                    restart(service, pid, System.nanoTime(), stream, report);
                });
    }

    private void killAndRestart(String service, EnrollmentStream stream, Report report) throws Exception {
        long before = faults.pid(service).orElse(-1);
        faults.kill(service);
        restart(service, before, System.nanoTime(), stream, report);
    }

    private void restart(String service, long before, long killed, EnrollmentStream stream, Report report) throws Exception {
        report.row(service + " killed (kill -9) at accepted records", stream.acceptedCount());
        if (service.equals("enrollment-service")) {
            // The process is gone: what its outbox holds unpublished now was committed before the kill.
            long stranded;
            try (var c = platform.database("enrollment")) {
                stranded = unpublished(c);
            }
            report.row("committed but unpublished at the kill", stranded);
            report.promise(stranded > 0, "the kill fell between commit and publish (rerun if the relay had caught up)");
        }
        faults.startMissing();
        report.row(service + " restarted, kill to ready (s)", seconds(System.nanoTime() - killed));
        report.row(service + " pid before -> after", before + " -> " + faults.pid(service).orElse(-1));
    }

    private boolean run(String title, String tag, int records, Fault fault) throws Exception {
        return run(platform, title, tag, records, fault, (stream, report) -> {
        });
    }

    /**
     * Pushes the stream, injects {@code fault} at a quarter of it, waits for the consumers, checks what every run must
     * hold and then {@code after}, prints the table; true when every promise held. Used by the failover scenarios too.
     */
    static boolean run(LocalPlatform platform, String title, String tag, int records, Fault fault, Check after) throws Exception {
        EnrollmentEventLog eventLog = EnrollmentEventLog.fromNow(platform);
        EnrollmentStream stream = new EnrollmentStream(platform, tag, records);
        Report report = new Report();
        AtomicReference<Throwable> pushFailure = new AtomicReference<>();
        Thread pusher = new Thread(() -> {
            try {
                stream.pushAll();
            } catch (Throwable t) {
                pushFailure.set(t);
            }
        }, "pusher");
        long start = System.nanoTime();
        pusher.start();
        stream.awaitAccepted(records / 4, pusher);
        try {
            fault.inject(stream, report);
        } catch (Exception e) {
            report.promise(false, "the fault and its recovery ran (" + e.getMessage() + ")");
        }
        pusher.join();
        long pushed = System.nanoTime();
        Map<String, Long> caughtUp = new java.util.LinkedHashMap<>();
        Ledger.Tally tally = new Ledger(platform, stream).awaitConvergence(180, 3600, caughtUp);
        long settled = System.nanoTime();
        EnrollmentEventLog.Count events = eventLog.read(stream);

        Set<UUID> acceptedIds = new HashSet<>(stream.accepted.values());
        Set<UUID> lost = new HashSet<>(acceptedIds);
        lost.removeAll(tally.stored());
        Set<UUID> unregistered = new HashSet<>(tally.stored());
        unregistered.removeAll(tally.registered());
        Set<UUID> unpublishedIds = new HashSet<>(tally.stored());
        unpublishedIds.removeAll(events.enrollments());
        long batchRecordsAccepted = stream.accepted.keySet().stream().filter(k -> !k.contains("/P-")).count();
        int planted = stream.planted.size();
        long exactlyOne = stream.planted.keySet().stream().filter(k -> tally.alertsPerPair().getOrDefault(k, 0) == 1).count();
        long none = stream.planted.keySet().stream().filter(k -> !tally.alertsPerPair().containsKey(k)).count();
        List<EnrollmentStream.Answer> answers = List.copyOf(stream.answers);

        report.row("records pushed (batch API, " + stream.batchSize + " per batch) / accepted", records + " / " + batchRecordsAccepted);
        report.row("push answers 200 / 503 / no answer / other", answers.stream().filter(a -> a.status() / 100 == 2).count() + " / "
                + answers.stream().filter(a -> a.status() == 503).count() + " / " + answers.stream().filter(a -> a.status() == -1).count()
                + " / " + answers.stream().filter(a -> a.status() != -1 && a.status() != 503 && a.status() / 100 != 2).count());
        report.row("records answered UNCHANGED (re-sent after no answer)", stream.unchanged.get());
        report.row("push duration (s) / records/s", seconds(pushed - start) + " / " + String.format("%.0f", records / ((pushed - start) / 1e9)));
        report.row("last push to consistent (s)", seconds(settled - pushed));
        report.row("  caught up after the last push (s)", String.join(", ", caughtUp.entrySet().stream()
                .map(e -> e.getKey() + " " + seconds(Math.max(0, e.getValue() - pushed))).toList()));
        report.row("stored enrollment records / 2xx records not stored", tally.stored().size() + " / " + lost.size());
        report.row("outbox rows unpublished (enrollment-service)", tally.unpublished());
        report.row("enrollment-events messages / distinct events", events.messages() + " / " + events.events());
        report.row("stored records never published", unpublishedIds.size());
        report.row("学籍 rows / stored records without one", tally.registrations() + " / " + unregistered.size());
        report.row("planted doubles with exactly one alert / planted", exactlyOne + " / " + planted + (none > 0 ? " (" + none + " without)" : ""));
        report.row("other DOUBLE_REGISTRATION alerts between A and B", tally.unplantedDoubleAlerts());
        report.row("quota counters (sum) / active facts", tally.quotaCounted() + " / " + tally.quotaFacts());

        report.promise(pushFailure.get() == null, "every batch was accepted (" + pushFailure.get() + ")");
        report.promise(batchRecordsAccepted == records, "every pushed record was accepted in the end");
        report.promise(lost.isEmpty(), "every 2xx record is stored");
        report.promise(tally.unpublished() == 0 && unpublishedIds.isEmpty(), "every stored record is published");
        report.promise(unregistered.isEmpty() && tally.registrations() == tally.stored().size(), "every stored record has exactly one 学籍");
        report.promise(exactlyOne == planted && tally.unplantedDoubleAlerts() == 0, "every planted double has exactly one alert, no other");
        report.promise(tally.quotaCounted() == tally.stored().size() && tally.quotaFacts() == tally.stored().size(),
                "the quota counters equal the records");
        try {
            after.check(stream, report);
        } catch (Exception e) {
            report.promise(false, "the checks after the run ran (" + e.getMessage() + ")");
        }

        Bench.header(title + " (" + records + " records, schools " + stream.schoolA + ", " + stream.schoolB + ")");
        report.rows.forEach(r -> Bench.row(r[0], r[1]));
        System.out.println();
        if (report.broken.isEmpty()) {
            System.out.println("held: every promise of the scenario");
        } else {
            report.broken.forEach(p -> System.out.println("BROKEN: " + p));
        }
        return report.broken.isEmpty();
    }

    interface Step {
        void run() throws Exception;
    }

    static void everySecond(AtomicBoolean running, AtomicReference<Exception> failure, Step step) {
        every(running, failure, 1_000, step);
    }

    /** Runs {@code step} every {@code periodMillis} (back to back when it takes longer) while {@code running}. */
    static void every(AtomicBoolean running, AtomicReference<Exception> failure, long periodMillis, Step step) {
        while (running.get()) {
            long next = System.nanoTime() + periodMillis * 1_000_000;
            try {
                step.run();
                Thread.sleep(Math.max(0, next - System.nanoTime()) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private boolean allReady() {
        return platform.processUrls().values().stream().allMatch(url -> platform.status(url + "/q/health/ready") == 200);
    }

    private static long unpublished(java.sql.Connection c) throws Exception {
        try (var q = c.createStatement(); var rs = q.executeQuery("SELECT count(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
