package org.techschools.registration.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import org.techschools.commons.domain.Gender;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.text.StorableText;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RosterHit;
import org.techschools.registration.domain.RosterSystem;
import org.techschools.registration.domain.Rosters;
import org.techschools.commons.csv.Csv;

/**
 * Imports a roster (名册) of the education system's 普高 or 中职 registry for one province (学籍接续, docs/DOMAIN.md#rosters)
 * and matches it against the 学籍 here. The CSV is read as a stream of records ({@link Csv#records}): each ID
 * number becomes a personKey and a masked ID the moment its record is read and is never stored, logged or echoed.
 * Rows go to PostgreSQL by COPY in the same transaction that deletes the previous roster, so a re-upload replaces it
 * atomically.
 */
@ApplicationScoped
public class RosterImport {

    private static final Logger LOG = Logger.getLogger(RosterImport.class);

    public static final List<String> HEADER = List.of("idNumber", "name", "gender", "birthDate", "schoolName", "status");
    /** Roster statuses meaning 在籍 (the student is currently registered over there). */
    private static final Set<String> ACTIVE_STATUSES = Set.of("在籍", "在校", "ACTIVE");
    /** The report lists this many rejected rows at most; {@code rejectedCount} has them all. */
    public static final int MAX_REPORTED = 1000;

    /** One broken rule of one line; names the field and rule, never the value (it may be an ID number). */
    public record RowError(int line, String field, String rule) {
    }

    public record Report(int rows, int accepted, List<RowError> rejected, int rejectedCount, int alertsRaised) {
    }

    @Inject
    PersonKeys personKeys;

    @Inject
    CrossSystemCheck crossSystem;

    @Inject
    AlertRaiser alerts;

    @Inject
    CheckResults checkResults;

    @Inject
    Clock clock;

    /** One transaction for the whole roster (replace atomically); above the 60 s default, as a province's roster is large. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Report replace(RosterSystem system, String provinceCode, String actor, InputStream csv) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
            Iterator<Csv.Record> records = Csv.records(reader);
            int[] columns = header(records.hasNext() ? records.next() : null);
            Rosters.replaceRows(system, provinceCode, sink -> {
                while (records.hasNext()) {
                    Csv.Record record = records.next();
                    if (record.isBlank()) {
                        continue;
                    }
                    tally.rows++;
                    List<RowError> errors = new ArrayList<>();
                    String[] row = parseRow(record, columns, errors);
                    if (row != null) {
                        sink.row(record.line(), row);
                    }
                    if (!errors.isEmpty()) {
                        tally.rejectedCount++;
                        errors.stream().limit(Math.max(0, MAX_REPORTED - tally.rejected.size())).forEach(tally.rejected::add);
                        continue;
                    }
                    tally.accepted++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("roster upload could not be read", e);
        }
        Rosters.recordUpload(system, provinceCode, clock.instant(), actor, tally.rows, tally.accepted);
        crossSystem.holdRostersExclusively();
        int raised = matchRegistry(system, provinceCode);
        resolveNoLongerListed(system, provinceCode);
        LOG.infof("roster %s/%s: %d rows, %d accepted, %d rejected, %d alerts raised in %d ms", system, provinceCode,
                tally.rows, tally.accepted, tally.rejectedCount, raised, (System.nanoTime() - started) / 1_000_000);
        return new Report(tally.rows, tally.accepted, tally.rejected, tally.rejectedCount, raised);
    }

    /** What the upload's rows came to, counted while they stream into the COPY. */
    private static final class Tally {
        int rows;
        int accepted;
        final List<RowError> rejected = new ArrayList<>();
        int rejectedCount;
    }

    /** Column positions of {@link #HEADER} in the upload's header record, which must hold all of them. */
    static int[] header(Csv.Record record) {
        if (record == null) {
            throw ProblemException.badRequest(List.of(new FieldError("header", "required", "the CSV is empty; expected "
                    + String.join(",", HEADER))));
        }
        if (!record.isCsv()) {
            throw ProblemException.badRequest(List.of(new FieldError("header", "csv-format", "the header line is not CSV: " + Csv.NOT_CSV)));
        }
        List<String> names = record.cells().stream().map(String::trim).toList();
        int[] columns = new int[HEADER.size()];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
            columns[i] = names.indexOf(HEADER.get(i));
            if (columns[i] < 0) {
                errors.add(new FieldError("header", "missing-column", "the header lacks " + HEADER.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return columns;
    }

    /**
     * The row as stored (personKey and masked ID in place of the ID number), or null when it cannot be stored;
     * broken rules go to {@code errors}.
     */
    String[] parseRow(Csv.Record record, int[] columns, List<RowError> errors) {
        int line = record.line();
        List<String> cells = record.cells();
        if (cells == null) {
            errors.add(new RowError(line, "line", "csv-format"));
            return null;
        }
        if (cells.size() <= max(columns)) {
            errors.add(new RowError(line, "line", "column-count"));
            return null;
        }
        String id = PersonKeys.normalise(cells.get(columns[0]));
        String name = cells.get(columns[1]).trim();
        String gender = cells.get(columns[2]).trim();
        String birth = cells.get(columns[3]).trim();
        String school = cells.get(columns[4]).trim();
        String status = cells.get(columns[5]).trim();
        LocalDate idBirth = null;
        Gender idGender = null;
        if (!ResidentIdNumber.hasValidFormat(id)) {
            errors.add(new RowError(line, "idNumber", "id-format"));
        } else if (!ResidentIdNumber.hasValidCheckDigit(id)) {
            errors.add(new RowError(line, "idNumber", "id-check-digit"));
        } else if ((idBirth = ResidentIdNumber.birthDate(id)) == null) {
            errors.add(new RowError(line, "idNumber", "id-birth-date"));
        } else {
            idGender = ResidentIdNumber.gender(id);
        }
        required(line, "name", name, 100, errors);
        required(line, "schoolName", school, 200, errors);
        required(line, "status", status, 32, errors);
        Gender g = gender(gender);
        if (g == null) {
            errors.add(new RowError(line, "gender", "invalid-value"));
        } else if (idGender != null && g != idGender) {
            errors.add(new RowError(line, "gender", "id-mismatch"));
        }
        LocalDate birthDate = null;
        try {
            birthDate = LocalDate.parse(birth);
            if (idBirth != null && !birthDate.equals(idBirth)) {
                errors.add(new RowError(line, "birthDate", "id-mismatch"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, "birthDate", "invalid-value"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new String[] { personKeys.personKey("RESIDENT_ID", id), PersonKeys.mask(id), name, g.name(),
                birthDate.toString(), school, status, Boolean.toString(ACTIVE_STATUSES.contains(status.toUpperCase(Locale.ROOT))) };
    }

    private static void required(int line, String field, String value, int maxLength, List<RowError> errors) {
        if (value.isEmpty()) {
            errors.add(new RowError(line, field, "required"));
        } else if (value.length() > maxLength) {
            errors.add(new RowError(line, field, "too-long"));
        } else if (!StorableText.isStorable(value)) {
            // A NUL would fail the COPY of the whole roster.
            errors.add(new RowError(line, field, StorableText.RULE));
        }
    }

    private static Gender gender(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "MALE", "M", "男" -> Gender.MALE;
            case "FEMALE", "F", "女" -> Gender.FEMALE;
            default -> null;
        };
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Retroactive check: every ACTIVE 学籍 whose holder is 在籍 on this roster gets its alert and a fresh check result. */
    private int matchRegistry(RosterSystem system, String provinceCode) {
        List<Registration> registrations = Rosters.activeRegistrationsListedOn(system, provinceCode).stream()
                .map(id -> Registration.<Registration> findById(id)).toList();
        // The holders' roster rows in one statement, as the consumer reads a batch's.
        Map<String, List<RosterHit>> rosterRows = crossSystem.activeRosterRowsOf(
                registrations.stream().map(r -> r.personKey).collect(Collectors.toSet()));
        int raised = 0;
        for (Registration registration : registrations) {
            for (RosterHit hit : rosterRows.getOrDefault(registration.personKey, List.of())) {
                if (hit.system() == system && hit.provinceCode().equals(provinceCode)
                        && crossSystem.raise(registration, hit).isPresent()) {
                    raised++;
                    checkResults.publishFor(registration);
                }
            }
        }
        return raised;
    }

    /** The replaced roster no longer lists some people as 在籍: their undecided alerts about this roster are resolved. */
    private void resolveNoLongerListed(RosterSystem system, String provinceCode) {
        String suffix = ":" + system + ":" + provinceCode;
        List<Alert> open = Alert.list("type = ?1 and status in ?2 and pairKey like ?3", AlertType.CROSS_SYSTEM_REGISTRATION,
                AlertStatus.UNDECIDED, "%" + suffix);
        Set<UUID> named = new LinkedHashSet<>();
        for (Alert alert : open) {
            List<AlertRecord> records = AlertRecord.ofAlerts(List.of(alert.id));
            boolean listed = records.stream().map(r -> Registration.byEnrollment(r.enrollmentId)).flatMap(java.util.Optional::stream)
                    .anyMatch(r -> crossSystem.activeRosterRowsOf(r.personKey).stream()
                            .anyMatch(h -> h.system() == system && h.provinceCode().equals(provinceCode)));
            if (!listed) {
                alerts.resolve(alert, AlertRaiser.RESOLVED_BY_ROSTER, "the re-uploaded " + system + " roster of " + provinceCode
                        + " no longer lists the person as 在籍");
                records.forEach(r -> named.add(r.enrollmentId));
            }
        }
        checkResults.publishFor(null, named);
    }
}
