package org.techschools.enrollment.service;

import java.time.LocalDate;
import java.util.List;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IdType;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.enrollment.domain.School;

/** An enrollment that passed every rule, with typed and normalised values. */
public record ValidEnrollment(School school, String sourceRecordId, IdType idType, String idNumber, String name, Gender gender,
        LocalDate birthDate, String majorCode, ClassLevel classLevel, StudyMode studyMode, int intakeYear,
        IntakeSeason intakeSeason, LocalDate enrolledOn, String sourceCategory, String originRegion,
        List<String> priorityFlags, String employer, Integer programmeMonths) {

    /** The normalised content the idempotency hash is taken over (same content → same hash). */
    String canonicalContent() {
        return String.join("|", idType.name(), idNumber, name, gender.name(), birthDate.toString(), majorCode,
                classLevel.name(), studyMode.name(), Integer.toString(intakeYear), intakeSeason.name(), enrolledOn.toString(),
                String.valueOf(sourceCategory), String.valueOf(originRegion), String.join(",", priorityFlags),
                String.valueOf(employer), String.valueOf(programmeMonths));
    }
}
