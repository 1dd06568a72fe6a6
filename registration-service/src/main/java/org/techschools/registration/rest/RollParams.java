package org.techschools.registration.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.rest.PageLimit;
import org.techschools.commons.problem.ProblemException;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.registration.domain.RollFilter;

/**
 * Turns the query string of {@code GET /api/v1/registrations} into a {@link RollFilter}. Parameters arrive
 * as text so that every bad value answers 400 naming its field and rule, all of them at once.
 */
final class RollParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");
    private static final int MAX_NAME_PREFIX = 50;
    private static final int MAX_SOURCE_RECORD_ID = 100;

    private final List<FieldError> errors = new ArrayList<>();

    private RollParams() {
    }

    static RollFilter parse(String schoolCode, String status, String classLevel, String studyMode,
            String intakeYear, String namePrefix, String sourceRecordId, String limit, String cursor) {
        RollParams p = new RollParams();
        String school = p.value("schoolCode", schoolCode, s -> matching(s, SCHOOL), "a school code");
        RegistrationStatus wantedStatus = p.value("status", status, RegistrationStatus::valueOf,
                "one of " + List.of(RegistrationStatus.values()));
        ClassLevel level = p.value("classLevel", classLevel, ClassLevel::valueOf, "one of " + List.of(ClassLevel.values()));
        StudyMode mode = p.value("studyMode", studyMode, StudyMode::valueOf, "one of " + List.of(StudyMode.values()));
        Integer year = p.value("intakeYear", intakeYear, s -> Integer.valueOf(matching(s, YEAR)), "a year such as 2025");
        String prefix = p.text("namePrefix", namePrefix, MAX_NAME_PREFIX);
        String record = p.text("sourceRecordId", sourceRecordId, MAX_SOURCE_RECORD_ID);
        if (!p.errors.isEmpty()) {
            throw ProblemException.badRequest(p.errors);
        }
        int size = PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        KeysetCursor after = KeysetCursor.decode(cursor);
        return new RollFilter(school, wantedStatus, level, mode, year, prefix, record, after, size);
    }

    private <T> T value(String field, String text, Function<String, T> parser, String expected) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "invalid-value", "must be " + expected));
            return null;
        }
    }

    /** Free text matched as given (a name is not trimmed inside); too long answers 400 rule too-long. */
    private String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            errors.add(new FieldError(field, "too-long", "at most " + max + " characters"));
            return null;
        }
        return value;
    }

    private static String matching(String text, Pattern pattern) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException();
        }
        return text;
    }
}
