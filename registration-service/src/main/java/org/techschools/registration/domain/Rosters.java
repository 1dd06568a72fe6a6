package org.techschools.registration.domain;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.techschools.commons.persistence.PlainSql;

/**
 * The imported rosters (名册) of the education system: their rows ({@code roster_entry}), the last upload of each
 * ({@code roster_upload}), and the lock that orders a roster's replacement with the checks reading rosters.
 */
public final class Rosters {

    /**
     * Advisory lock (single-key form) ordering roster replacements with the checks that read rosters: a check holds it
     * shared until its transaction commits, a replacement takes it exclusively before matching the registry. Without
     * it, an enrollment checked while a replacement committed was matched by neither: the check read the old roster,
     * and the replacement's match did not yet see the new 学籍.
     */
    private static final long ROSTERS_LOCK = 0x726f7374657273L;
    private static final int COPY_CHUNK_ROWS = 2000;

    /** Takes the rows of a roster, as stored (the ID number already a personKey and a masked ID). */
    public interface RowSink {
        void row(int line, String[] values);
    }

    /** Hands every storable row of an upload to the sink. */
    public interface RowSource {
        void writeTo(RowSink sink);
    }

    private Rosters() {
    }

    /**
     * The 在籍 rows of several people on every roster, the first row per roster, by personKey. Holds the rosters'
     * shared lock until the transaction ends.
     */
    public static Map<String, List<RosterHit>> activeRowsOf(Collection<String> personKeys) {
        record Row(String personKey, RosterHit hit) {
        }
        // A statement of its own: the rows are read with a snapshot taken after a replacement in progress committed.
        PlainSql.list("SELECT pg_advisory_xact_lock_shared(?)", r -> Boolean.TRUE, ROSTERS_LOCK);
        return PlainSql.list("SELECT DISTINCT ON (person_key, system, province_code) person_key, system, province_code, line,"
                + " id_number_masked, name, gender, birth_date, school_name, status FROM roster_entry"
                + " WHERE person_key = ANY (?) AND active ORDER BY person_key, system, province_code, line",
                r -> new Row(r.getString(1), new RosterHit(RosterSystem.valueOf(r.getString(2)), r.getString(3), r.getInt(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getObject(8, LocalDate.class), r.getString(9),
                        r.getString(10))),
                (Object) personKeys.toArray(String[]::new))
                .stream().collect(Collectors.groupingBy(Row::personKey, Collectors.mapping(Row::hit, Collectors.toList())));
    }

    /** Before a replaced roster is matched against the registry: waits until the checks reading rosters now commit. */
    public static void holdExclusively() {
        PlainSql.list("SELECT pg_advisory_xact_lock(?)", r -> Boolean.TRUE, ROSTERS_LOCK);
    }

    /**
     * Replaces the rows of one roster with those {@code source} writes, by COPY in chunks, in the caller's transaction
     * (so a re-upload replaces the roster atomically).
     *
     * @throws IllegalStateException naming the SQL state when PostgreSQL refuses the rows
     */
    public static void replaceRows(RosterSystem system, String provinceCode, RowSource source) {
        PlainSql.onConnection(connection -> {
            try {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM roster_entry WHERE system = ? AND province_code = ?")) {
                    delete.setString(1, system.name());
                    delete.setString(2, provinceCode);
                    delete.executeUpdate();
                }
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY roster_entry (system,"
                        + " province_code, line, person_key, id_number_masked, name, gender, birth_date, school_name, status,"
                        + " active) FROM STDIN WITH (FORMAT csv)");
                StringBuilder chunk = new StringBuilder(1 << 18);
                int[] chunkRows = { 0 };
                source.writeTo((line, values) -> {
                    appendCopyRow(chunk, system, provinceCode, line, values);
                    if (++chunkRows[0] == COPY_CHUNK_ROWS) {
                        write(copy, chunk);
                        chunkRows[0] = 0;
                    }
                });
                write(copy, chunk);
                copy.endCopy();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("roster could not be stored: " + e.getSQLState(), e);
            } catch (UncheckedSql e) {
                throw new IllegalStateException("roster could not be stored: " + e.getCause().getSQLState(), e.getCause());
            }
        });
    }

    /** Notes who uploaded a roster when, and how many rows it had and kept. */
    public static void recordUpload(RosterSystem system, String provinceCode, Instant at, String actor, int rows,
            int accepted) {
        PlainSql.update("INSERT INTO roster_upload (system, province_code, uploaded_at, uploaded_by, rows_read, rows_accepted)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (system, province_code) DO UPDATE SET"
                + " uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by,"
                + " rows_read = EXCLUDED.rows_read, rows_accepted = EXCLUDED.rows_accepted",
                system.name(), provinceCode, at.atOffset(ZoneOffset.UTC), actor, rows, accepted);
    }

    /** The ACTIVE 学籍 whose holder this roster lists as 在籍. */
    public static List<UUID> activeRegistrationsListedOn(RosterSystem system, String provinceCode) {
        return PlainSql.list("SELECT DISTINCT r.id FROM registration r JOIN roster_entry e"
                + " ON e.person_key = r.person_key WHERE e.system = ? AND e.province_code = ? AND e.active"
                + " AND r.status = 'ACTIVE'", PlainSql::uuid, system.name(), provinceCode);
    }

    private static void appendCopyRow(StringBuilder out, RosterSystem system, String province, int line, String[] row) {
        out.append(system.name()).append(',').append(province).append(',').append(line);
        for (String value : row) {
            out.append(",\"").append(value.replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }

    private static void write(CopyIn copy, StringBuilder chunk) {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
            chunk.setLength(0);
        }
    }

    /** A COPY failure while the source writes rows, carried out of the sink to {@link #replaceRows}. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
