package org.techschools.enrollment.rest;

import java.util.List;

/**
 * One enrollment as a school system pushes it (core contract). Enums and dates are strings here so that a
 * batch can answer per item which field broke which rule instead of failing the whole request.
 */
public record EnrollmentRequest(String schoolCode, String sourceRecordId, Student student, String majorCode,
        String classLevel, String studyMode, Integer intakeYear, String intakeSeason, String enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer, Integer programmeMonths) {

    public record Student(String idType, String idNumber, String name, String gender, String birthDate) {
    }
}
