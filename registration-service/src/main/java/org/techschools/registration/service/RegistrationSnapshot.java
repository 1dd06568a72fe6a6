package org.techschools.registration.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RegistrationStatus;

/** One 学籍 as it stands, the person known by personKey and masked ID only. */
public record RegistrationSnapshot(UUID id, UUID enrollmentId, String schoolCode, String sourceRecordId, String personKey,
        String idNumberMasked, String name, Gender gender, LocalDate birthDate, StudyMode studyMode, ClassLevel classLevel,
        String majorCode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn, String provinceCode,
        String cityCode, RegistrationStatus status, Instant registeredAt, Instant updatedAt, String certificateNumber) {

    static RegistrationSnapshot of(Registration r) {
        return new RegistrationSnapshot(r.id, r.enrollmentId, r.schoolCode, r.sourceRecordId, r.personKey, r.idNumberMasked,
                r.name, r.gender, r.birthDate, r.studyMode, r.classLevel, r.majorCode, r.intakeYear, r.intakeSeason,
                r.enrolledOn, r.provinceCode, r.cityCode, r.status, r.registeredAt, r.updatedAt, r.certificateNumber);
    }
}
