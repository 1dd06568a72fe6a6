package org.techschools.enrollment.service;

import java.util.List;

/**
 * One enrollment record as a school submits it (招生录取数据报送), by a push or a row of an uploaded sheet. Enums and dates
 * are still text here: {@link EnrollmentRules} names each field that breaks a rule instead of refusing the whole batch.
 */
public record EnrollmentSubmission(String schoolCode, String sourceRecordId, Student student, String majorCode,
        String classLevel, String studyMode, Integer intakeYear, String intakeSeason, String enrolledOn,
        String sourceCategory, String originRegion, List<String> priorityFlags, String employer, Integer programmeMonths) {

    public record Student(String idType, String idNumber, String name, String gender, String birthDate) {
    }
}
