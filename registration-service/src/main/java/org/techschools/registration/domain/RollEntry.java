package org.techschools.registration.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;

/**
 * One 学籍 of the roll (学籍名册); {@code transferredFromSchoolCode} and {@code transferredToSchoolCode} name the schools
 * a transfer linked it with (转入 from, 转出 to). The person shows only by name and masked ID.
 */
public record RollEntry(UUID id, UUID enrollmentId, String schoolCode, String sourceRecordId, String name,
        String idNumberMasked, Gender gender, LocalDate birthDate, RegistrationStatus status, ClassLevel classLevel,
        String majorCode, StudyMode studyMode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn,
        String provinceCode, String cityCode, Instant registeredAt, Instant updatedAt, Instant endedAt,
        String transferredFromSchoolCode, String transferredToSchoolCode) {
}
