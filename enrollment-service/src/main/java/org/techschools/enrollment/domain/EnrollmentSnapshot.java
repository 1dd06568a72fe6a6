package org.techschools.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.security.Regions;

/**
 * An enrollment record at one version as callers see it: ID number masked, with the registration check result. It is
 * the JSON answer for a record and, as the submitting school saw it, what {@link EnrollmentVersion} keeps of a replaced
 * version (the monthly 进展表 rebuilds past states from it), so both keep one shape.
 */
public record EnrollmentSnapshot(UUID id, String schoolCode, String sourceRecordId, int version, String status, Student student,
        String majorCode, String classLevel, String studyMode, int intakeYear, String intakeSeason, LocalDate enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer, String checkStatus,
        List<String> alertIds, String withdrawalReason, Instant createdAt, Instant updatedAt) {

    public record Student(String idType, String idNumberMasked, String name, String gender, LocalDate birthDate) {
    }

    /** The record as the school that pushed it sees it. */
    public static EnrollmentSnapshot of(Enrollment e) {
        return new EnrollmentSnapshot(e.id, e.schoolCode, e.sourceRecordId, e.version, e.status.name(),
                new Student(e.idType.name(), e.idNumberMasked, e.name, e.gender.name(), e.birthDate),
                e.majorCode, e.classLevel.name(), e.studyMode.name(), e.intakeYear, e.intakeSeason.name(), e.enrolledOn,
                e.sourceCategory, e.originRegion, e.priorityFlagList(), e.employer, e.checkStatus.name(), e.alertIdList(),
                e.withdrawalReason, e.createdAt, e.updatedAt);
    }

    /**
     * The record as a reader sees it: only the school that pushed it reads the origin (生源地) to the county; every other
     * reader sees the city only, as the county beside the mask and the birth date would narrow the ID number to a few
     * hundred candidates.
     *
     * @param readerSchool the reader's school, null for an office or auditor
     */
    public EnrollmentSnapshot seenBy(String readerSchool) {
        if (schoolCode.equals(readerSchool)) {
            return this;
        }
        return new EnrollmentSnapshot(id, schoolCode, sourceRecordId, version, status, student, majorCode, classLevel, studyMode,
                intakeYear, intakeSeason, enrolledOn, sourceCategory, Regions.city(originRegion), priorityFlags, employer,
                checkStatus, alertIds, withdrawalReason, createdAt, updatedAt);
    }
}
