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

/**
 * {@code enrollment-events}, types {@link #TYPE} and {@link #CORRECTED}: the whole current state of an
 * enrollment record. Carries the personKey and the masked ID, never the ID number.
 */
public record EnrollmentRecorded(UUID enrollmentId, String schoolCode, String sourceRecordId, int version, String personKey,
        IdType idType, String idNumberMasked, String name, Gender gender, LocalDate birthDate, String majorCode,
        ClassLevel classLevel, StudyMode studyMode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer,
        String schoolProvinceCode, String schoolCityCode, SchoolType schoolType, boolean schoolProvincial, Instant recordedAt) {

    public static final String TYPE = "EnrollmentRecorded";
    public static final String CORRECTED = "EnrollmentCorrected";
}
