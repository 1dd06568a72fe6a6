package org.techschools.enrollment.rest;

import java.util.List;

import org.techschools.enrollment.service.EnrollmentSubmission;

/**
 * One enrollment as a school system pushes it (core contract). Enums and dates are strings here so that a
 * batch can answer per item which field broke which rule instead of failing the whole request.
 */
public record EnrollmentRequest(String schoolCode, String sourceRecordId, Student student, String majorCode,
        String classLevel, String studyMode, Integer intakeYear, String intakeSeason, String enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer, Integer programmeMonths) {

    public record Student(String idType, String idNumber, String name, String gender, String birthDate) {
    }

    /** The submission the intake checks; null for a null item, which the intake rejects by its index. */
    static EnrollmentSubmission toSubmission(EnrollmentRequest r) {
        if (r == null) {
            return null;
        }
        Student s = r.student();
        return new EnrollmentSubmission(r.schoolCode(), r.sourceRecordId(),
                s == null ? null : new EnrollmentSubmission.Student(s.idType(), s.idNumber(), s.name(), s.gender(), s.birthDate()),
                r.majorCode(), r.classLevel(), r.studyMode(), r.intakeYear(), r.intakeSeason(), r.enrolledOn(),
                r.sourceCategory(), r.originRegion(), r.priorityFlags(), r.employer(), r.programmeMonths());
    }
}
