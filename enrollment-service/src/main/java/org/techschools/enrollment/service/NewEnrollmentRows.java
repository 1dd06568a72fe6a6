package org.techschools.enrollment.service;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.hibernate.Session;

import org.techschools.enrollment.domain.Enrollment;

/**
 * Writes the records a push created with multi-row INSERTs of up to {@value #ROWS_PER_STATEMENT} rows each on the
 * transaction's connection, instead of one entity persist each: for a batch of a thousand, persisting and flushing them
 * cost more than checking them. One statement per thousand rather than the driver's rewritten JDBC batch, which splits
 * a thousand into ten statements of at most 128 rows. The columns are those of {@link Enrollment}; a new column there
 * needs its place here (checked_at and withdrawal_reason stay null: a new record is neither checked nor withdrawn).
 */
final class NewEnrollmentRows {

    private static final String INSERT = "INSERT INTO enrollment (id, school_code, source_record_id, version, content_hash, status,"
            + " person_key, id_type, id_number_encrypted, id_number_masked, name, gender, birth_date, major_code, class_level,"
            + " study_mode, intake_year, intake_season, enrolled_on, source_category, origin_region, priority_flags, employer,"
            + " province_code, city_code, check_status, alert_ids, created_at, updated_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** 29 parameters a row: a thousand rows stay well under the protocol's 65,535 parameters per statement. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private NewEnrollmentRows() {
    }

    /** A unique-key collision with a concurrent push surfaces as SQL state 23505, as a flush would (see ConstraintRaces). */
    static void insert(List<Enrollment> created) {
        if (created.isEmpty()) {
            return;
        }
        Enrollment.getEntityManager().unwrap(Session.class).doWork(c -> {
            for (int from = 0; from < created.size(); from += ROWS_PER_STATEMENT) {
                List<Enrollment> rows = created.subList(from, Math.min(created.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement insert = c.prepareStatement(INSERT + String.join(", ", Collections.nCopies(rows.size(), ROW)))) {
                    int p = 1;
                    for (Enrollment e : rows) {
                        insert.setObject(p++, e.id);
                        insert.setString(p++, e.schoolCode);
                        insert.setString(p++, e.sourceRecordId);
                        insert.setInt(p++, e.version);
                        insert.setString(p++, e.contentHash);
                        insert.setString(p++, e.status.name());
                        insert.setString(p++, e.personKey);
                        insert.setString(p++, e.idType.name());
                        insert.setBytes(p++, e.idNumberEncrypted);
                        insert.setString(p++, e.idNumberMasked);
                        insert.setString(p++, e.name);
                        insert.setString(p++, e.gender.name());
                        insert.setObject(p++, e.birthDate);
                        insert.setString(p++, e.majorCode);
                        insert.setString(p++, e.classLevel.name());
                        insert.setString(p++, e.studyMode.name());
                        insert.setInt(p++, e.intakeYear);
                        insert.setString(p++, e.intakeSeason.name());
                        insert.setObject(p++, e.enrolledOn);
                        insert.setString(p++, e.sourceCategory);
                        insert.setString(p++, e.originRegion);
                        insert.setString(p++, e.priorityFlags);
                        insert.setString(p++, e.employer);
                        insert.setString(p++, e.provinceCode);
                        insert.setString(p++, e.cityCode);
                        insert.setString(p++, e.checkStatus.name());
                        insert.setString(p++, e.alertIds);
                        insert.setObject(p++, e.createdAt.atOffset(ZoneOffset.UTC));
                        insert.setObject(p++, e.updatedAt.atOffset(ZoneOffset.UTC));
                    }
                    insert.executeUpdate();
                }
            }
        });
    }
}
