package org.techschools.commons.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IdType;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.security.Regions;

/**
 * {@code enrollment-events}, types {@link #TYPE} and {@link #CORRECTED}: the whole current state of an
 * enrollment record. Carries the personKey and the masked ID, never the ID number.
 * <p>
 * Schema version 2 carries only what no consumer can turn back into an ID number: the mask of {@link PersonKeys#mask}
 * and {@code originRegion} at city level (生源地, the county cut off); version 1 carried the older mask and the county.
 * Consumers read both through {@link #minimised()}.
 * <p>
 * Schema version 3 is version 2 with class level {@code TECHNICIAN} (技师班), a value readers of versions 1 and 2 never
 * saw: only events carrying it are written at 3 ({@link #schemaVersion(ClassLevel)}), so a reader that knows 1 and 2
 * only keeps applying every other event and dead-letters these by their version, to be re-sent once it is upgraded.
 */
public record EnrollmentRecorded(UUID enrollmentId, String schoolCode, String sourceRecordId, int version, String personKey,
        IdType idType, String idNumberMasked, String name, Gender gender, LocalDate birthDate, String majorCode,
        ClassLevel classLevel, StudyMode studyMode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer,
        String schoolProvinceCode, String schoolCityCode, SchoolType schoolType, boolean schoolProvincial, Instant recordedAt) {

    public static final String TYPE = "EnrollmentRecorded";
    public static final String CORRECTED = "EnrollmentCorrected";
    public static final int SCHEMA_VERSION = 2;
    public static final int TECHNICIAN_SCHEMA_VERSION = 3;

    /** The schema version an event of this class level is written in. */
    public static int schemaVersion(ClassLevel classLevel) {
        return classLevel == ClassLevel.TECHNICIAN ? TECHNICIAN_SCHEMA_VERSION : SCHEMA_VERSION;
    }

    /** This event with the ID mask and the origin in today's form, whichever schema version it was written in. */
    public EnrollmentRecorded minimised() {
        return new EnrollmentRecorded(enrollmentId, schoolCode, sourceRecordId, version, personKey, idType,
                PersonKeys.remask(idNumberMasked), name, gender, birthDate, majorCode, classLevel, studyMode, intakeYear,
                intakeSeason, enrolledOn, sourceCategory, Regions.city(originRegion), priorityFlags, employer,
                schoolProvinceCode, schoolCityCode, schoolType, schoolProvincial, recordedAt);
    }
}
