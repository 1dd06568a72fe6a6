package org.techschools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.techschools.commons.identity.PersonKeys;

/**
 * Issue 4 item 7 / issue 7 L2: records/s through {@code POST /api/v1/enrollments/batch} (batches of 1,000) beside
 * plain JDBC multi-row INSERTs of the same rows into a copy of the enrollment table (same columns and indexes), in
 * the same run. Goal: the API reaches at least half the baseline. On the cluster, {@link #scale} compares one
 * enrollment-service instance with two.
 */
final class IngestBenchmark {

    private static final int BATCH = 1_000;
    /** Two instances, each held to the same CPU, push at least this many times the records/s of one. */
    private static final double SCALE_GOAL = 1.5;
    /** The cluster's enrollment-service instances, as deployment/bench/fault names them. */
    private static final List<String> INSTANCES = List.of("enrollment-service-1", "enrollment-service-2");
    private final LocalPlatform platform;

    IngestBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int records) throws Exception {
        OptionalLong pid = new Faults(platform).pid("enrollment-service");
        JitCompilers compilers = pid.isPresent() ? new JitCompilers(pid.getAsLong()) : null;
        JitCompilers.WarmUp warmUp = warmUp(platform.enrollmentUrl(), compilers == null ? List.of() : List.of(compilers), 1);

        String school = Workload.createSchool(platform, "BENCH", "330100");
        List<Map<String, Object>> items = Workload.enrollments(school, "ING", records);
        String token = platform.token("school", "--school", school);
        // Bodies serialised up front: the client's own work must not count against the API.
        List<String> bodies = bodies(items);
        double compiledBefore = compilers == null ? Double.NaN : compilers.cpuSeconds();
        long start = System.nanoTime();
        push(platform.enrollmentUrl(), List.of(new Client(token, bodies)));
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        double compiling = compilers == null ? Double.NaN : compilers.cpuSeconds() - compiledBefore;

        double baselineSeconds = jdbcBaseline(school, items);
        double api = records / apiSeconds;
        double baseline = records / baselineSeconds;
        System.out.println("enrollment-service's JIT compilers, share of a core per 10,000 warm-up records: "
                + warmUp.sharesInPercent());
        Bench.header("Enrollment ingest: batch API vs plain JDBC (" + records + " records, batches of " + BATCH + ")");
        Bench.row("warm-up, not measured: records / seconds", String.format("%d / %.0f", warmUp.sent(), warmUp.seconds()));
        Bench.row("enrollment-service's JIT compilers, share of a core: warm-up's last 10,000 / timed push",
                String.format("%.0f %% / %.0f %%", warmUp.last() * 100, compiling / apiSeconds * 100));
        Bench.row("batch API records/s", String.format("%.0f", api));
        Bench.row("JDBC multi-row INSERT records/s (baseline)", String.format("%.0f", baseline));
        Bench.row("ratio API / baseline (goal >= 0.50)", String.format("%.2f", api / baseline));
        return api / baseline >= 0.5;
    }

    /**
     * Issue 21 item 5 on the cluster ({@code up --cluster}): how the batch API's records/s grow from one
     * enrollment-service instance (pushed to instance 1's own port) to two (through the front door). On two cores that
     * three brokers and PostgreSQL share, an instance without a limit takes what the other would have had, and two
     * measure as one; so each instance is held to INGEST_SCALE_CORES of a core (default 0.3), as a pod's CPU limit holds
     * it in production — little enough that the two limits, not PostgreSQL or the brokers beside them, bound the push —
     * after a warm-up through the door without the limit. INGEST_SCALE_CLIENTS schools (default 6) push at once; one
     * and two alternate, twice each, {@code records} records each time, then the JDBC baseline.
     */
    boolean scale(int records) throws Exception {
        if (!platform.isCluster()) {
            throw new IllegalStateException("ingest-scale compares two enrollment-service instances: start the cluster"
                    + " (deployment/local/up --cluster)");
        }
        double cores = Double.parseDouble(System.getenv().getOrDefault("INGEST_SCALE_CORES", "0.3"));
        int clients = Integer.parseInt(System.getenv().getOrDefault("INGEST_SCALE_CLIENTS", "6"));
        Faults faults = new Faults(platform);
        List<Long> pids = new ArrayList<>();
        for (String instance : INSTANCES) {
            pids.add(faults.pid(instance).orElseThrow(() -> new IllegalStateException(instance + " is not running")));
        }
        JitCompilers.WarmUp warmUp = warmUp(platform.enrollmentUrl(), pids.stream().map(JitCompilers::new).toList(), clients);

        List<String> schools = schools("BENCHS", clients);
        String oneInstance = platform.processUrls().get(INSTANCES.get(0));
        List<Phase> phases = new ArrayList<>();
        List<CpuQuota> quotas = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES.size(); i++) {
                quotas.add(CpuQuota.limit(INSTANCES.get(i), pids.get(i), cores));
            }
            for (int round = 1; round <= 2; round++) {
                phases.add(phase(1, oneInstance, clients(schools, "ONE" + round, records), records, pids));
                phases.add(phase(2, platform.enrollmentUrl(), clients(schools, "TWO" + round, records), records, pids));
            }
        } finally {
            for (CpuQuota quota : quotas) {
                quota.close();
            }
        }
        String school = schools.get(0);
        double baseline = records / jdbcBaseline(school, Workload.enrollments(school, "BASE", records));

        Bench.header("Enrollment ingest, one instance against two (" + records + " records a phase, " + clients
                + " schools at once, each instance held to " + cores + " of a core)");
        Bench.row("warm-up through the door, not measured: records / seconds",
                String.format("%d / %.0f", warmUp.sent(), warmUp.seconds()));
        Bench.row("busiest instance's JIT compilers, share of a core: last round", String.format("%.0f %%", warmUp.last() * 100));
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Bench.row(String.format("round %d, %s: records/s (cores used: 1 / 2)", i / 2 + 1,
                    phase.instances() == 1 ? "one instance (its own port)" : "two instances (the door)"),
                    String.format("%.0f (%.2f / %.2f)", phase.perSecond(), phase.cores()[0], phase.cores()[1]));
        }
        double one = mean(phases, 1);
        double two = mean(phases, 2);
        Bench.row("JDBC multi-row INSERT records/s (baseline)", String.format("%.0f", baseline));
        Bench.row("ratio API / baseline: one instance / two instances", String.format("%.2f / %.2f", one / baseline, two / baseline));
        Bench.row("growth, two instances / one (goal >= " + SCALE_GOAL + ")", String.format("%.2f", two / one));
        return two / one >= SCALE_GOAL;
    }

    /** One timed push: to how many instances, and the CPU each instance used, in cores over the push. */
    private record Phase(int instances, int records, double seconds, double[] cores) {
        double perSecond() {
            return records / seconds;
        }
    }

    private Phase phase(int instances, String url, List<Client> clients, int records, List<Long> pids) throws Exception {
        double[] before = cpuSeconds(INSTANCES, pids);
        long start = System.nanoTime();
        push(url, clients);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] after = cpuSeconds(INSTANCES, pids);
        double[] cores = new double[pids.size()];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = (after[i] - before[i]) / seconds;
        }
        return new Phase(instances, records, seconds, cores);
    }

    private static double[] cpuSeconds(List<String> names, List<Long> pids) {
        double[] seconds = new double[pids.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = Faults.cpuSeconds(names.get(i), pids.get(i));
        }
        return seconds;
    }

    private static double mean(List<Phase> phases, int instances) {
        return phases.stream().filter(p -> p.instances() == instances).mapToDouble(Phase::perSecond).average().orElseThrow();
    }

    /**
     * Not measured: a fresh service JVM on two cores compiles its hot paths for minutes — after a 20,000-record warm-up
     * C2 took 38-47 % of enrollment-service's CPU in the timed push, and the API ran at 5,500-7,800 records/s; after
     * 210,000 at 10,152 — which is not what a school pushing all day meets (and C1 alone, -XX:TieredStopAtLevel=1,
     * compiles little but ran at 6,663). Pushes at full speed to {@code url} from {@code clients} schools at once, 10
     * batches a round, at least INGEST_WARMUP_RECORDS (default 200,000), until a round's compiler threads used less than
     * {@value JitCompilers#QUIET_SHARE} of a core in the busiest of the JVMs watched, for at most INGEST_WARMUP_SECONDS
     * (default 300).
     */
    private JitCompilers.WarmUp warmUp(String url, List<JitCompilers> compilers, int clients) throws Exception {
        int least = Integer.parseInt(System.getenv().getOrDefault("INGEST_WARMUP_RECORDS", "200000"));
        long limit = TimeUnit.SECONDS.toNanos(Long.parseLong(System.getenv().getOrDefault("INGEST_WARMUP_SECONDS", "300")));
        List<String> schools = schools("BENCHW", clients);
        List<Double> shares = new ArrayList<>();
        long start = System.nanoTime();
        int records = 0;
        while (System.nanoTime() - start < limit) {
            JitCompilers.Round round = JitCompilers.Round.begin(compilers);
            push(url, clients(schools, "WARM" + records, 10 * BATCH));
            records += 10 * BATCH;
            // Without the compilers' figures (no pid), NaN: the fixed number of records alone.
            double share = round.busiestShare();
            shares.add(share);
            if (records >= least && JitCompilers.quiet(share)) {
                break;
            }
        }
        return new JitCompilers.WarmUp(records, (System.nanoTime() - start) / 1e9, shares);
    }

    /** A school pushing its own batches, one after the other, with its token. */
    private record Client(String token, List<String> bodies) {
    }

    private List<String> schools(String prefix, int count) throws IOException, InterruptedException {
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            schools.add(Workload.createSchool(platform, prefix + i, "330100"));
        }
        return schools;
    }

    /** {@code records} new enrollments split over the schools, each school's as its batches' bodies. */
    private List<Client> clients(List<String> schools, String prefix, int records) throws IOException {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            String school = schools.get(i);
            int share = records / schools.size() + (i < records % schools.size() ? 1 : 0);
            clients.add(new Client(platform.token("school", "--school", school),
                    bodies(Workload.enrollments(school, prefix + "-" + i, share))));
        }
        return clients;
    }

    private static List<String> bodies(List<Map<String, Object>> items) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            bodies.add(Workload.batchBody(items.subList(from, Math.min(items.size(), from + BATCH))));
        }
        return bodies;
    }

    /** Each client's batches to the enrollment API at {@code url}, the clients at once. */
    private void push(String url, List<Client> clients) throws Exception {
        if (clients.size() == 1) {
            for (String body : clients.get(0).bodies()) {
                Workload.pushBatch(platform, url, clients.get(0).token(), body);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Void>> pushes = new ArrayList<>();
            for (Client client : clients) {
                pushes.add(pool.submit(() -> {
                    push(url, List.of(client));
                    return null;
                }));
            }
            for (Future<Void> push : pushes) {
                push.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same rows, already valid and hashed, inserted 1,000 per statement into a scratch copy of the table. */
    private double jdbcBaseline(String school, List<Map<String, Object>> items) throws Exception {
        try (Connection c = platform.database("enrollment"); Statement ddl = c.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_enrollment_baseline");
            ddl.execute("CREATE TABLE bench_enrollment_baseline (LIKE enrollment INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)");
            c.setAutoCommit(false);
            String columns = "(id, school_code, source_record_id, version, content_hash, status, person_key, id_type, id_number_encrypted,"
                    + " id_number_masked, name, gender, birth_date, major_code, class_level, study_mode, intake_year, intake_season,"
                    + " enrolled_on, source_category, origin_region, priority_flags, province_code, city_code, check_status, alert_ids,"
                    + " created_at, updated_at)";
            String row = "(?,?,?,1,?,'ACTIVE',?,'RESIDENT_ID',?,?,?,?,?::date,'0401','INTERMEDIATE','FULL_TIME',2026,'AUTUMN','2026-09-01'::date,"
                    + "'初中毕业生','330102','','330000','330100','PENDING','',now(),now())";
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            for (int from = 0; from < items.size(); from += BATCH) {
                List<Map<String, Object>> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
                String sql = "INSERT INTO bench_enrollment_baseline " + columns + " VALUES " + String.join(",", java.util.Collections.nCopies(chunk.size(), row));
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    int p = 1;
                    for (Map<String, Object> item : chunk) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> student = (Map<String, Object>) item.get("student");
                        String id = (String) student.get("idNumber");
                        insert.setObject(p++, UUID.randomUUID());
                        insert.setString(p++, school);
                        insert.setString(p++, (String) item.get("sourceRecordId"));
                        insert.setString(p++, HexFormat.of().formatHex(sha.digest((item.toString()).getBytes(StandardCharsets.UTF_8))));
                        insert.setString(p++, HexFormat.of().formatHex(sha.digest(id.getBytes(StandardCharsets.UTF_8))));
                        insert.setBytes(p++, id.getBytes(StandardCharsets.UTF_8));
                        insert.setString(p++, PersonKeys.mask(id));
                        insert.setString(p++, (String) student.get("name"));
                        insert.setString(p++, (String) student.get("gender"));
                        insert.setString(p++, (String) student.get("birthDate"));
                    }
                    insert.executeUpdate();
                }
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ddl.execute("DROP TABLE bench_enrollment_baseline");
            c.commit();
            return seconds;
        }
    }
}
