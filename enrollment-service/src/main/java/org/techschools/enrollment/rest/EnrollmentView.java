package org.techschools.enrollment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.security.Regions;
import org.techschools.enrollment.domain.Enrollment;

/** An enrollment record as callers see it: ID number masked, with the registration check result. */
public record EnrollmentView(UUID id, String schoolCode, String sourceRecordId, int version, String status, Student student,
        String majorCode, String classLevel, String studyMode, int intakeYear, String intakeSeason, LocalDate enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer, String checkStatus,
        List<String> alertIds, String withdrawalReason, Instant createdAt, Instant updatedAt) {

    public record Student(String idType, String idNumberMasked, String name, String gender, LocalDate birthDate) {
    }

    /** Columns of the CSV export, in order; the ID number only masked, like the JSON. */
    public static final List<String> CSV_HEADER = List.of("id", "schoolCode", "sourceRecordId", "version", "status", "idType",
            "idNumberMasked", "name", "gender", "birthDate", "majorCode", "classLevel", "studyMode", "intakeYear", "intakeSeason",
            "enrolledOn", "sourceCategory", "originRegion", "priorityFlags", "employer", "checkStatus", "withdrawalReason",
            "createdAt", "updatedAt");

    public List<Object> csvValues() {
        return Arrays.asList(id, schoolCode, sourceRecordId, version, status, student.idType(), student.idNumberMasked(),
                student.name(), student.gender(), student.birthDate(), majorCode, classLevel, studyMode, intakeYear, intakeSeason,
                enrolledOn, sourceCategory, originRegion, String.join(";", priorityFlags), employer, checkStatus, withdrawalReason,
                createdAt, updatedAt);
    }

    /**
     * @param submittingSchool whether the reader is the school that pushed the record: it sees the origin (生源地) to the
     *        county; every other reader sees the city only, as the county beside the mask and the birth date would narrow
     *        the ID number to a few hundred candidates
     */
    public static EnrollmentView of(Enrollment e, boolean submittingSchool) {
        return new EnrollmentView(e.id, e.schoolCode, e.sourceRecordId, e.version, e.status.name(),
                new Student(e.idType.name(), e.idNumberMasked, e.name, e.gender.name(), e.birthDate),
                e.majorCode, e.classLevel.name(), e.studyMode.name(), e.intakeYear, e.intakeSeason.name(), e.enrolledOn,
                e.sourceCategory, submittingSchool ? e.originRegion : Regions.city(e.originRegion), e.priorityFlagList(),
                e.employer, e.checkStatus.name(), e.alertIdList(),
                e.withdrawalReason, e.createdAt, e.updatedAt);
    }
}
