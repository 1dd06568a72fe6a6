package org.techschools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the three databases hold for the two schools of one crash-scenario run, read with JDBC as the application
 * role: the stored enrollment records, the relay's backlog, the 学籍, the DOUBLE_REGISTRATION alerts between the
 * two schools and the quota counters.
 */
final class Ledger {

    /** One reading. {@code alertsPerPlantedPair}: sourceRecordId at A -> number of alerts naming it with its double at B. */
    record Tally(Set<UUID> stored, long unpublished, long registrations, Set<UUID> registered, Map<String, Integer> alertsPerPair,
            long unplantedDoubleAlerts, long quotaCounted, long quotaFacts) {

        boolean converged(EnrollmentStream stream) {
            return unpublished == 0 && registrations == stored.size() && registered.equals(stored) && quotaCounted == stored.size()
                    && quotaFacts == stored.size() && stream.planted.keySet().stream().allMatch(alertsPerPair::containsKey);
        }

        /** A number that grows while the consumers catch up: a reading without growth for long means they are stuck. */
        long progress() {
            return registrations + quotaCounted + quotaFacts + alertsPerPair.size() - unpublished;
        }
    }

    private final LocalPlatform platform;
    private final EnrollmentStream stream;

    Ledger(LocalPlatform platform, EnrollmentStream stream) {
        this.platform = platform;
        this.stream = stream;
    }

    /**
     * Waits until every stored record is published, registered and counted and every planted double has its alert;
     * gives up when nothing moved for {@code stallSeconds}, or after {@code maxSeconds}. Returns the last reading;
     * {@code caughtUp} gets the time each of relay, 学籍, alerts and quota first had all records.
     */
    Tally awaitConvergence(int stallSeconds, int maxSeconds, Map<String, Long> caughtUp) throws Exception {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long lastMove = System.nanoTime();
        long lastProgress = Long.MIN_VALUE;
        while (true) {
            Tally tally = tally();
            int stored = tally.stored().size();
            noteFirst(caughtUp, "relay", tally.unpublished() == 0);
            noteFirst(caughtUp, "学籍", tally.registered().equals(tally.stored()));
            noteFirst(caughtUp, "alerts", stream.planted.keySet().stream().allMatch(tally.alertsPerPair()::containsKey));
            noteFirst(caughtUp, "quota", tally.quotaCounted() == stored && tally.quotaFacts() == stored);
            if (tally.converged(stream)) {
                return tally;
            }
            if (tally.progress() != lastProgress) {
                lastProgress = tally.progress();
                lastMove = System.nanoTime();
            }
            long now = System.nanoTime();
            if (now - lastMove > stallSeconds * 1_000_000_000L || now > deadline) {
                return tally;
            }
            Thread.sleep(3000);
        }
    }

    /** When each consumer first had everything (nanoTime), to tell which one a fault held back. */
    private static void noteFirst(Map<String, Long> caughtUp, String what, boolean done) {
        if (done) {
            caughtUp.putIfAbsent(what, System.nanoTime());
        }
    }

    Tally tally() throws Exception {
        Set<UUID> stored;
        long unpublished;
        try (Connection c = platform.database("enrollment")) {
            stored = ids(c, "SELECT id FROM enrollment WHERE school_code IN (?, ?)");
            unpublished = count(c, "SELECT count(*) FROM outbox_event");
        }
        long registrations;
        Set<UUID> registered;
        Map<String, Integer> alerts = new HashMap<>();
        long unplanted = 0;
        try (Connection c = platform.database("registration")) {
            registrations = count(c, "SELECT count(*) FROM registration WHERE school_code IN (?, ?)");
            registered = ids(c, "SELECT enrollment_id FROM registration WHERE school_code IN (?, ?)");
            try (PreparedStatement q = c.prepareStatement("SELECT ra.source_record_id, rb.source_record_id FROM alert a"
                    + " JOIN alert_record ra ON ra.alert_id = a.id AND ra.school_code = ?"
                    + " JOIN alert_record rb ON rb.alert_id = a.id AND rb.school_code = ?"
                    + " WHERE a.type = 'DOUBLE_REGISTRATION'")) {
                q.setString(1, stream.schoolA);
                q.setString(2, stream.schoolB);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(2).equals(stream.planted.get(rs.getString(1)))) {
                            alerts.merge(rs.getString(1), 1, Integer::sum);
                        } else {
                            unplanted++;
                        }
                    }
                }
            }
        }
        long counted;
        long facts;
        try (Connection c = platform.database("quota")) {
            counted = count(c, "SELECT coalesce(sum(count), 0) FROM enrollment_counter WHERE school_code IN (?, ?)");
            facts = count(c, "SELECT count(*) FROM enrollment_fact WHERE active AND school_code IN (?, ?)");
        }
        return new Tally(stored, unpublished, registrations, registered, alerts, unplanted, counted, facts);
    }

    private Set<UUID> ids(Connection c, String sql) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement q = schools(c.prepareStatement(sql)); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = sql.contains("?") ? schools(c.prepareStatement(sql)) : c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private PreparedStatement schools(PreparedStatement q) throws SQLException {
        q.setString(1, stream.schoolA);
        q.setString(2, stream.schoolB);
        return q;
    }
}
