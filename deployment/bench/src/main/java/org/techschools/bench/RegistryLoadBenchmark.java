package org.techschools.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;

import org.techschools.commons.domain.Gender;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.registration.service.LookalikeKeys;
import org.techschools.registration.service.NameSimilarity;

/**
 * Issue 6 item 7, preload: fills the registration database with {@code N} ACTIVE 学籍 of {@link RegistryPeople} by
 * COPY, straight into the table registration-service reads (enrolling a million people through the API would take
 * hours here). Each row carries the personKey enrollment-service would compute (HMAC with the local
 * PERSON_KEY_SECRET), the masked ID, name, birth date and gender, and the lookalike keys the service computes for the
 * fuzzy check (its own LookalikeKeys and NameSimilarity), so every check sees them as registered 学籍.
 * Tops up: people already loaded stay, the run adds the rest up to N. These rows are on no topic: a registry
 * rebuild (deployment/local/rebuild-registry) removes them, and registry-load must run again after one.
 */
final class RegistryLoadBenchmark {

    private static final int CHUNK = 50_000;
    private static final String COLUMNS = "id, enrollment_id, enrollment_version, school_code, source_record_id, person_key,"
            + " id_number_masked, name, gender, birth_date, study_mode, class_level, major_code, intake_year, intake_season,"
            + " enrolled_on, province_code, city_code, status, registered_at, updated_at, recorded_at, lookalike_keys";
    private final LocalPlatform platform;

    RegistryLoadBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    /** How many preloaded 学籍 the registration database holds. */
    static int loaded(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM registration WHERE school_code LIKE '"
                        + RegistryPeople.SCHOOL_PREFIX + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The 学籍's lookalike_keys as an array literal, e.g. {@code {-1234,5678}}. */
    private static String lookalikeKeys(NameSimilarity names, Workload.Person p) {
        return Arrays.stream(LookalikeKeys.of(names, p.birthDate(), p.male() ? Gender.MALE : Gender.FEMALE, p.name()))
                .mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }

    boolean run(int target) throws Exception {
        if (target > RegistryPeople.CAPACITY) {
            throw new IllegalArgumentException("at most " + RegistryPeople.CAPACITY + " preloaded 学籍");
        }
        PersonKeys keys = new PersonKeys(platform.secret("PERSON_KEY_SECRET"));
        NameSimilarity names = new NameSimilarity();
        try (Connection db = platform.database("registration")) {
            int from = loaded(db);
            long start = System.nanoTime();
            String now = Instant.now().toString();
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            for (int chunk = from; chunk < target; chunk += CHUNK) {
                StringBuilder csv = new StringBuilder();
                for (int i = chunk; i < Math.min(target, chunk + CHUNK); i++) {
                    Workload.Person p = RegistryPeople.person(i);
                    csv.append(UUID.randomUUID()).append(',').append(UUID.randomUUID()).append(",1,")
                            .append(RegistryPeople.school(i)).append(',').append(RegistryPeople.RECORD_PREFIX).append(i).append(',')
                            .append(keys.personKey("RESIDENT_ID", p.idNumber())).append(',').append(PersonKeys.mask(p.idNumber()))
                            .append(',').append(p.name()).append(',').append(p.male() ? "MALE" : "FEMALE").append(',')
                            .append(p.birthDate()).append(",FULL_TIME,INTERMEDIATE,0401,2025,AUTUMN,2025-09-01,330000,")
                            .append(RegistryPeople.city(i)).append(",ACTIVE,").append(now).append(',').append(now)
                            .append(",2025-09-10T02:00:00Z,\"").append(lookalikeKeys(names, p)).append("\"\n");
                }
                copy.copyIn("COPY registration (" + COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
                System.out.printf("loaded %,d / %,d%n", Math.min(target, chunk + CHUNK), target);
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = db.createStatement()) {
                // VACUUM too: it sets the visibility map, without which the fuzzy check's index-only scan reads the heap.
                s.execute("VACUUM ANALYZE registration");
            }
            int total = loaded(db);
            Bench.header("registry preload by COPY (registration database)");
            Bench.row("preloaded 学籍 before / after", from + " / " + total);
            Bench.row("rows added", String.format("%,d", total - from));
            Bench.row("seconds (COPY + personKeys)", String.format("%.1f", loadSeconds));
            Bench.row("rows/s", String.format("%,.0f", (total - from) / Math.max(loadSeconds, 1e-9)));
            return total >= target;
        }
    }
}
