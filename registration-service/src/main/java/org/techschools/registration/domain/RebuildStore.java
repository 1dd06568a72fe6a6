package org.techschools.registration.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.techschools.commons.persistence.PlainSql;

/**
 * What a registry rebuild (重建学籍库) reads and writes in PostgreSQL: the {@code registry_rebuild} row, which every
 * instance reads as the status of the last (or running) rebuild, and the registry tables it empties. Each method runs
 * in the caller's transaction.
 */
public final class RebuildStore {

    /**
     * A rebuild whose instance has not written for this long has stopped (killed, or cut off from the database): the live
     * consumers take the registry back rather than leave it to nobody. The running instance writes every second.
     */
    public static final String STOPPED_AFTER = "60 seconds";
    private static final String STATUS_COLUMNS = "state, requested_by, started_at, finished_at, registrations_before,"
            + " alerts_before, events_applied, events_skipped, registrations_after, alerts_after, failure,"
            + " state = 'RUNNING' AND heartbeat_at <= now() - CAST(? AS interval)";

    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    /**
     * What {@code GET /api/v1/registry/rebuild} shows: the last (or running) rebuild and its figures. Skipped events
     * are malformed ones (dead-lettered when they first came) and repeats of an eventId already applied. Registrations
     * are the records' current 学籍, one per enrollment record: the ended link a transfer left at the old school is not
     * counted, as the rebuild, which knows no transfers, makes none.
     */
    public record Status(State state, String requestedBy, Instant startedAt, Instant finishedAt, long registrationsBefore,
            long alertsBefore, long eventsApplied, long eventsSkipped, long registrationsAfter, long alertsAfter,
            String failure) {
    }

    /** The current 学籍 (one per enrollment record) and the alerts. */
    public record Counts(long registrations, long alerts) {
    }

    private RebuildStore() {
    }

    /** The rebuild as every instance sees it; one whose instance stopped writing shows as FAILED. */
    public static Status status() {
        return PlainSql.list("SELECT " + STATUS_COLUMNS + " FROM registry_rebuild WHERE id = 1", RebuildStore::status,
                STOPPED_AFTER).get(0);
    }

    /**
     * Marks rebuild {@code run} as running, from any state but a running rebuild, in one statement: of two instances
     * asked at once, one takes it.
     *
     * @return whether {@code run} took it
     */
    public static boolean take(UUID run, String requestedBy, Instant startedAt) {
        return PlainSql.update("UPDATE registry_rebuild SET state = 'RUNNING',"
                + " rebuilding = false, run_id = ?, requested_by = ?, started_at = ?, finished_at = NULL, heartbeat_at = now(),"
                + " registrations_before = 0, alerts_before = 0, events_applied = 0, events_skipped = 0, registrations_after = 0,"
                + " alerts_after = 0, failure = NULL"
                + " WHERE id = 1 AND (state <> 'RUNNING' OR heartbeat_at <= now() - CAST(? AS interval))",
                run, requestedBy, startedAt.atOffset(ZoneOffset.UTC), STOPPED_AFTER) > 0;
    }

    /** The run's counts so far, telling the other instances that it still runs. */
    public static void heartbeat(UUID run, long applied, long skipped) {
        write(run, applied, skipped, "heartbeat_at = now()");
    }

    /** What the registry held when the run emptied it. */
    public static void emptied(UUID run, long applied, long skipped, Counts before) {
        write(run, applied, skipped, "registrations_before = ?, alerts_before = ?", before.registrations(), before.alerts());
    }

    public static void done(UUID run, long applied, long skipped, Instant finishedAt, Counts after) {
        write(run, applied, skipped, "state = 'DONE', finished_at = ?, registrations_after = ?, alerts_after = ?",
                finishedAt.atOffset(ZoneOffset.UTC), after.registrations(), after.alerts());
    }

    public static void failed(UUID run, long applied, long skipped, Instant finishedAt, String failure) {
        write(run, applied, skipped, "state = 'FAILED', finished_at = ?, failure = ?", finishedAt.atOffset(ZoneOffset.UTC),
                failure);
    }

    /**
     * Empties the registry and its alerts and forgets which enrollment events were applied, so the same events apply
     * again; school events stay applied.
     */
    public static void emptyRegistry(String enrollmentTopic) {
        PlainSql.update("TRUNCATE alert_transition, alert_record, alert, transfer_request, registration");
        PlainSql.update("DELETE FROM processed_event WHERE topic = ?", enrollmentTopic);
    }

    public static Counts counts() {
        return new Counts(
                PlainSql.list("SELECT COUNT(*) FROM registration WHERE transferred_to IS NULL", row -> row.getLong(1)).get(0),
                PlainSql.list("SELECT COUNT(*) FROM alert", row -> row.getLong(1)).get(0));
    }

    /** Sets {@code assignments} and the counts on the row while it is this run's (a run taken for stopped writes nothing). */
    private static void write(UUID run, long applied, long skipped, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 3];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = applied;
        parameters[values.length + 1] = skipped;
        parameters[values.length + 2] = run;
        PlainSql.update("UPDATE registry_rebuild SET " + assignments
                + ", events_applied = ?, events_skipped = ? WHERE id = 1 AND run_id = ?", parameters);
    }

    private static Status status(ResultSet row) throws SQLException {
        boolean stopped = row.getBoolean(12);
        return new Status(stopped ? State.FAILED : State.valueOf(row.getString(1)), row.getString(2), instant(row, 3),
                instant(row, 4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10),
                stopped ? "the instance running the rebuild stopped writing its progress" : row.getString(11));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
