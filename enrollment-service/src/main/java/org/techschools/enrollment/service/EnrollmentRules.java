package org.techschools.enrollment.service;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IdType;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.commons.problem.FieldError;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.domain.SchoolMajor;

/**
 * The intake rules of an enrollment record, each with its own rule code. Structural problems (missing
 * field, unknown enum value, unreadable date) answer 400; broken domain rules answer 422. Messages never
 * repeat the ID number.
 */
@ApplicationScoped
public class EnrollmentRules {

    /** Rules about the shape of the request (HTTP 400); every other rule is a domain rule (HTTP 422). */
    public static final Set<String> STRUCTURAL_RULES = Set.of("required", "enum", "date-format", "max-length");

    /** 生源类别 as offices count them. */
    static final Set<String> SOURCE_CATEGORIES = Set.of("初中毕业生", "高中毕业生", "退役军人", "离校未就业高校毕业生", "企业职工", "其他");
    /** 优先/重点标记: 脱贫家庭 and 防返贫监测对象 get priority (docs/DOMAIN.md#priority-groups); 订单班 names an employer. */
    static final Set<String> PRIORITY_FLAGS = Set.of("脱贫家庭", "防返贫监测对象", "订单班");

    static final int MIN_AGE = 14;
    static final int MAX_AGE = 60;

    @Inject
    Divisions divisions;

    /** Result of checking one record: either a {@link ValidEnrollment} or the broken rules. */
    public record Outcome(ValidEnrollment valid, List<FieldError> errors) {
        public boolean structural() {
            return errors.stream().anyMatch(e -> STRUCTURAL_RULES.contains(e.rule()));
        }
    }

    /**
     * @param school the school named by {@code schoolCode}, or null when the directory has none
     */
    public Outcome check(EnrollmentSubmission r, School school) {
        List<FieldError> errors = new ArrayList<>();
        String schoolCode = required(errors, "schoolCode", r.schoolCode());
        String sourceRecordId = noIdNumber(errors, "sourceRecordId",
                maxLength(errors, "sourceRecordId", required(errors, "sourceRecordId", r.sourceRecordId()), 100));
        EnrollmentSubmission.Student s = r.student();
        if (s == null) {
            errors.add(new FieldError("student", "required", "student is required"));
            s = new EnrollmentSubmission.Student(null, null, null, null, null);
        }
        IdType idType = enumValue(errors, "student.idType", s.idType(), IdType::valueOf, IdType.values());
        String idNumber = PersonKeys.normalise(required(errors, "student.idNumber", s.idNumber()));
        String name = noIdNumber(errors, "student.name", maxLength(errors, "student.name", required(errors, "student.name", trim(s.name())), 50));
        Gender gender = enumValue(errors, "student.gender", s.gender(), Gender::valueOf, Gender.values());
        LocalDate birthDate = date(errors, "student.birthDate", s.birthDate());
        String majorCode = required(errors, "majorCode", r.majorCode());
        ClassLevel classLevel = enumValue(errors, "classLevel", r.classLevel(), ClassLevel::valueOf, ClassLevel.values());
        StudyMode studyMode = enumValue(errors, "studyMode", r.studyMode(), StudyMode::valueOf, StudyMode.values());
        Integer intakeYear = r.intakeYear();
        if (intakeYear == null) {
            errors.add(new FieldError("intakeYear", "required", "intakeYear is required"));
        }
        IntakeSeason season = enumValue(errors, "intakeSeason", r.intakeSeason(), IntakeSeason::valueOf, IntakeSeason.values());
        LocalDate enrolledOn = date(errors, "enrolledOn", r.enrolledOn());
        List<String> flags = r.priorityFlags() == null ? List.of() : r.priorityFlags();

        if (idType != null && idNumber != null) {
            checkDocument(errors, idType, idNumber, birthDate, gender);
        }
        if (birthDate != null && enrolledOn != null) {
            int age = Period.between(birthDate, enrolledOn).getYears();
            if (age < MIN_AGE || age > MAX_AGE) {
                errors.add(new FieldError("student.birthDate", "age-range",
                        "age at enrollment must be " + MIN_AGE + "–" + MAX_AGE + ", is " + age));
            }
        }
        if (intakeYear != null && (intakeYear < 2000 || intakeYear > 2100)) {
            errors.add(new FieldError("intakeYear", "year-range", "intakeYear must be between 2000 and 2100"));
        }
        if (schoolCode != null) {
            checkSchool(errors, school, intakeYear, majorCode, classLevel);
        }
        String employer = noIdNumber(errors, "employer", maxLength(errors, "employer", trim(r.employer()), 200));
        if (studyMode == StudyMode.PART_TIME) {
            if (r.employer() == null || r.employer().isBlank()) {
                errors.add(new FieldError("employer", "part-time-employer", "part-time study (非全日制) requires the employer"));
            }
            if (r.programmeMonths() != null && r.programmeMonths() < 12) {
                errors.add(new FieldError("programmeMonths", "part-time-programme", "part-time programmes last at least 12 months"));
            }
        }
        if (r.sourceCategory() != null && !SOURCE_CATEGORIES.contains(r.sourceCategory())) {
            errors.add(new FieldError("sourceCategory", "enum", "sourceCategory must be one of " + SOURCE_CATEGORIES));
        }
        for (int i = 0; i < flags.size(); i++) {
            if (!PRIORITY_FLAGS.contains(flags.get(i))) {
                errors.add(new FieldError("priorityFlags[" + i + "]", "enum", "priority flag must be one of " + PRIORITY_FLAGS));
            }
        }
        if (r.originRegion() != null && !divisions.isRealRegion(r.originRegion())) {
            errors.add(new FieldError("originRegion", "region-code", "originRegion is not a GB/T 2260 division code"));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        return new Outcome(new ValidEnrollment(school, sourceRecordId, idType, idNumber, name, gender, birthDate, majorCode,
                classLevel, studyMode, intakeYear, season, enrolledOn, r.sourceCategory(), r.originRegion(),
                flags.stream().sorted().distinct().toList(), employer, r.programmeMonths()), List.of());
    }

    private void checkDocument(List<FieldError> errors, IdType idType, String id, LocalDate birthDate, Gender gender) {
        String field = "student.idNumber";
        switch (idType) {
            case RESIDENT_ID -> {
                if (!ResidentIdNumber.hasValidFormat(id)) {
                    errors.add(new FieldError(field, "id-format", "a resident ID number has 17 digits and a check digit or X"));
                    return;
                }
                if (!ResidentIdNumber.hasValidCheckDigit(id)) {
                    errors.add(new FieldError(field, "id-check-digit", "the check digit does not match (GB 11643 MOD 11-2)"));
                }
                LocalDate embedded = ResidentIdNumber.birthDate(id);
                if (!divisions.isIdRegion(ResidentIdNumber.regionPrefix(id), embedded)) {
                    errors.add(new FieldError(field, "id-region", "the region prefix is not a GB/T 2260 division in force since the birth year"));
                }
                if (embedded == null) {
                    errors.add(new FieldError(field, "id-birth-date", "the embedded birth date is not a calendar date"));
                } else if (birthDate != null && !embedded.equals(birthDate)) {
                    errors.add(new FieldError("student.birthDate", "birth-date-mismatch", "birthDate differs from the date in the ID number"));
                }
                if (gender != null && ResidentIdNumber.gender(id) != gender) {
                    errors.add(new FieldError("student.gender", "gender-mismatch", "gender differs from the ID number's sequence digit"));
                }
            }
            case HK_MACAU_PERMIT -> format(errors, id, "[HM]\\d{8}(\\d{2})?", "H or M followed by 8 or 10 digits");
            case TAIWAN_PERMIT -> format(errors, id, "\\d{8}|\\d{10}", "8 or 10 digits");
            case PASSPORT -> format(errors, id, "[A-Z0-9]{5,17}", "5–17 letters or digits");
        }
    }

    private void checkSchool(List<FieldError> errors, School school, Integer intakeYear, String majorCode, ClassLevel level) {
        if (school == null) {
            errors.add(new FieldError("schoolCode", "unknown-school", "no school with this code in the directory"));
            return;
        }
        if (intakeYear != null && !school.qualifiedFor(intakeYear)) {
            errors.add(new FieldError("intakeYear", "school-not-qualified", "the school is not qualified to enroll in this intake year"));
        }
        if (majorCode == null) {
            return;
        }
        SchoolMajor major = school.major(majorCode);
        if (major == null) {
            errors.add(new FieldError("majorCode", "major-not-filed", "the major is not in the school's filed catalogue"));
        } else if (level != null && !major.levelList().contains(level)) {
            errors.add(new FieldError("classLevel", "level-not-filed", "the major is not filed for this class level"));
        }
    }

    private static void format(List<FieldError> errors, String id, String pattern, String expected) {
        if (!id.matches(pattern)) {
            errors.add(new FieldError("student.idNumber", "id-format", "expected " + expected));
        }
    }

    private static String required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required"));
            return null;
        }
        return value;
    }

    private static String maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "max-length", field + " is longer than " + max));
            return null;
        }
        return value;
    }

    /** Free text that holds an ID number would carry it to topics, URLs and messages: refused (422), never echoed. */
    private static String noIdNumber(List<FieldError> errors, String field, String value) {
        if (IdNumberShape.foundIn(value)) {
            errors.add(IdNumberShape.error(field));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(List<FieldError> errors, String field, String value, Function<String, E> parse,
            E[] allowed) {
        if (required(errors, field, value) == null) {
            return null;
        }
        try {
            return parse.apply(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "enum", field + " must be one of " + Arrays.toString(allowed)));
            return null;
        }
    }

    private static LocalDate date(List<FieldError> errors, String field, String value) {
        if (required(errors, field, value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date-format", field + " must be a date YYYY-MM-DD"));
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
