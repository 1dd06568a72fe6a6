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
import java.util.UUID;

import org.techschools.commons.identity.PersonKeys;

/**
 * Issue 4 item 7 / issue 7 L2: records/s through {@code POST /api/v1/enrollments/batch} (batches of 1,000) beside
 * plain JDBC multi-row INSERTs of the same rows into a copy of the enrollment table (same columns and indexes), in
 * the same run. Goal: the API reaches at least half the baseline.
 */
final class IngestBenchmark {

    private static final int BATCH = 1_000;
    private final LocalPlatform platform;

    IngestBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    boolean run(int records) throws Exception {
        // Not measured: a fresh service JVM compiles through its first tens of thousands of records (in the latency
        // benchmark C2 still took a fifth of its CPU two minutes in), which is not what a school pushing all day sees.
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("INGEST_WARMUP_RECORDS", "20000"));
        String warmUpSchool = Workload.createSchool(platform, "BENCHW", "330100");
        push(platform.token("school", "--school", warmUpSchool), bodies(Workload.enrollments(warmUpSchool, "WARM", warmUp)));

        String school = Workload.createSchool(platform, "BENCH", "330100");
        List<Map<String, Object>> items = Workload.enrollments(school, "ING", records);
        String token = platform.token("school", "--school", school);
        // Bodies serialised up front: the client's own work must not count against the API.
        List<String> bodies = bodies(items);
        long start = System.nanoTime();
        push(token, bodies);
        double apiSeconds = (System.nanoTime() - start) / 1e9;

        double baselineSeconds = jdbcBaseline(school, items);
        double api = records / apiSeconds;
        double baseline = records / baselineSeconds;
        Bench.header("Enrollment ingest: batch API vs plain JDBC (" + records + " records, batches of " + BATCH + ", after "
                + warmUp + " not measured)");
        Bench.row("batch API records/s", String.format("%.0f", api));
        Bench.row("JDBC multi-row INSERT records/s (baseline)", String.format("%.0f", baseline));
        Bench.row("ratio API / baseline (goal >= 0.50)", String.format("%.2f", api / baseline));
        return api / baseline >= 0.5;
    }

    private static List<String> bodies(List<Map<String, Object>> items) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            bodies.add(Workload.batchBody(items.subList(from, Math.min(items.size(), from + BATCH))));
        }
        return bodies;
    }

    private void push(String token, List<String> bodies) throws IOException, InterruptedException {
        for (String body : bodies) {
            Workload.pushBatch(platform, token, body);
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
