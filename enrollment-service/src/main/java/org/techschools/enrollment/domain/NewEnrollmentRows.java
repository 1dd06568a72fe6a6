package org.techschools.enrollment.domain;

import java.util.List;

import org.techschools.commons.persistence.CopyRows;
import org.techschools.commons.persistence.PlainSql;

/**
 * Writes the records a push created with one COPY on the transaction's connection, instead of one entity persist each:
 * for a batch of a thousand, persisting and flushing them cost more than checking them, and a multi-row INSERT's
 * 29,000 parameters still cost the driver more than the rest of the push ({@link CopyRows}). The columns are those of
 * {@link Enrollment}; a new column there needs its place here (checked_at and withdrawal_reason stay null: a new
 * record is neither checked nor withdrawn).
 */
public final class NewEnrollmentRows {

    private static final String TARGET = "enrollment (id, school_code, source_record_id, version, content_hash, status,"
            + " person_key, id_type, id_number_encrypted, id_number_masked, name, gender, birth_date, major_code, class_level,"
            + " study_mode, intake_year, intake_season, enrolled_on, source_category, origin_region, priority_flags, employer,"
            + " province_code, city_code, check_status, alert_ids, created_at, updated_at)";

    private NewEnrollmentRows() {
    }

    /**
     * A unique-key collision with a concurrent push surfaces as SQL state 23505, as a flush would (see ConstraintRaces).
     * The pending writes are flushed before the COPY, so a row that refers to one of these records is persisted after.
     */
    public static void insert(List<Enrollment> created) {
        CopyRows rows = new CopyRows();
        for (Enrollment e : created) {
            rows.value(e.id).value(e.schoolCode).value(e.sourceRecordId).value(e.version).value(e.contentHash)
                    .value(e.status).value(e.personKey).value(e.idType).bytes(e.idNumberEncrypted).value(e.idNumberMasked)
                    .value(e.name).value(e.gender).value(e.birthDate).value(e.majorCode).value(e.classLevel)
                    .value(e.studyMode).value(e.intakeYear).value(e.intakeSeason).value(e.enrolledOn).value(e.sourceCategory)
                    .value(e.originRegion).value(e.priorityFlags).value(e.employer).value(e.provinceCode).value(e.cityCode)
                    .value(e.checkStatus).value(e.alertIds).value(e.createdAt).value(e.updatedAt).endRow();
        }
        PlainSql.onConnection(c -> {
            rows.copyInto(c, TARGET);
            return null;
        });
    }
}
