package org.techschools.enrollment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.techschools.enrollment.domain.IdNumberAccess;
import org.techschools.testinfra.LocalPostgres;
import org.techschools.testinfra.PlatformInfra;

/**
 * Access-log rows written before the hash chain existed are chained by the migration (V7) in SQL exactly as the service
 * hashes and checks them in Java: same canonical form, same order, same times to the microsecond.
 */
class AccessLogChainMigrationTest {

    private static final String DATABASE = "enrollment_chain_migration";

    @Test
    void rowsWrittenBeforeTheChainAreChainedAsTheServiceChecksThem() throws Exception {
        LocalPostgres postgres = PlatformInfra.get().postgres();
        postgres.recreateDatabase(DATABASE);
        try {
            migrate("6");
            // Rows as the service wrote them before V7; the records they name do not matter here (no foreign key checks).
            postgres.execute(DATABASE, "SET session_replication_role = replica; "
                    + "INSERT INTO id_number_access (id, enrollment_id, school_code, province_code, accessed_by, role, accessed_at, reason) VALUES "
                    + "('00000000-0000-0000-0000-00000000000b', gen_random_uuid(), 'S-1', '330000', 'auditor', 'auditor', '2026-03-01 08:00:00.123456+00', '核查: 第一行'), "
                    + "('00000000-0000-0000-0000-00000000000a', gen_random_uuid(), 'S-1', '330000', 'province@330000', 'province', '2026-03-01 08:00:00.123456+00', E'a:b\\n12:x'), "
                    + "('00000000-0000-0000-0000-00000000000c', gen_random_uuid(), 'S-2', '320000', 'auditor', 'auditor', '2026-02-28 23:59:59.000001+00', '学籍')");
            migrate(null);

            List<IdNumberAccess> rows = read();
            assertEquals(List.of(UUID.fromString("00000000-0000-0000-0000-00000000000c"), UUID.fromString("00000000-0000-0000-0000-00000000000a"),
                    UUID.fromString("00000000-0000-0000-0000-00000000000b")), rows.stream().map(r -> r.id).toList(), "in the order written");
            String previous = AccessLogChain.GENESIS;
            for (int i = 0; i < rows.size(); i++) {
                IdNumberAccess row = rows.get(i);
                assertEquals(i + 1, row.seq);
                assertEquals(previous, row.previousHash);
                assertEquals(row.computeHash(), row.rowHash, "row " + row.seq);
                previous = row.rowHash;
            }
        } finally {
            postgres.execute("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static void migrate(String target) {
        var config = Flyway.configure()
                .dataSource(PlatformInfra.get().postgres().jdbcUrl(DATABASE), LocalPostgres.USER, LocalPostgres.PASSWORD)
                .locations("classpath:db/migration", "classpath:db/platform").outOfOrder(true);
        (target == null ? config : config.target(target)).load().migrate();
    }

    private static List<IdNumberAccess> read() throws Exception {
        List<IdNumberAccess> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PlatformInfra.get().postgres().jdbcUrl(DATABASE), LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, enrollment_id, school_code, province_code, accessed_by, role, accessed_at, reason, seq,"
                     + " previous_hash, row_hash FROM id_number_access ORDER BY seq")) {
            while (r.next()) {
                IdNumberAccess row = new IdNumberAccess();
                row.id = r.getObject("id", UUID.class);
                row.enrollmentId = r.getObject("enrollment_id", UUID.class);
                row.schoolCode = r.getString("school_code");
                row.provinceCode = r.getString("province_code");
                row.accessedBy = r.getString("accessed_by");
                row.role = r.getString("role");
                row.accessedAt = r.getObject("accessed_at", OffsetDateTime.class).toInstant();
                row.reason = r.getString("reason");
                row.seq = r.getLong("seq");
                row.previousHash = r.getString("previous_hash");
                row.rowHash = r.getString("row_hash");
                rows.add(row);
            }
        }
        return rows;
    }
}
