package org.techschools.quota.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.quota.domain.PlanLineValue;

/**
 * Request bodies of the plan API. Values arrive as text so that each bad one answers 400 naming its field
 * ({@code lines[2].classLevel}), not a bare deserialisation error.
 */
final class PlanRequests {

    private static final int MAX_LINES = 1000;

    private PlanRequests() {
    }

    /** {@code POST /api/v1/plans}. */
    record NewPlan(String schoolCode, Integer year, List<Line> lines) {
    }

    /** {@code PUT /api/v1/plans/{id}}: the draft's new lines. */
    record Lines(List<Line> lines) {
    }

    /** {@code POST /api/v1/plans/{id}/adjustments}: the lines the plan would have afterwards, and why. */
    record Adjustment(List<Line> lines, String reason) {
    }

    /** {@code POST /api/v1/plans/{id}/adjustments/{aid}/decision}. */
    record Decision(String decision, String note) {
    }

    /** {@code POST /api/v1/plans/{id}/file}. */
    record Note(String note) {
    }

    /** One line: students planned for a major at a class level and study mode. */
    record Line(String majorCode, String classLevel, String studyMode, Integer count) {
    }

    /** A note or reason, kept in the plan's history and sent on plan-events: 422 naming {@code field} when it holds an ID number. */
    static String freeText(String value, String field) {
        IdNumberShape.refuse(field, value);
        return value;
    }

    /** The lines, checked; 400 naming every broken field, 422 for a line that repeats another. */
    static List<PlanLineValue> lines(List<Line> lines) {
        List<FieldError> errors = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            throw ProblemException.badRequest(List.of(new FieldError("lines", "required", "at least one plan line")));
        }
        if (lines.size() > MAX_LINES) {
            throw ProblemException.badRequest(List.of(new FieldError("lines", "too-many", "at most " + MAX_LINES + " lines")));
        }
        List<PlanLineValue> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null) {
                errors.add(new FieldError("lines[" + i + "]", "required", "a line is an object"));
                continue;
            }
            if (line.majorCode() == null || !line.majorCode().matches("[A-Za-z0-9_.-]{1,32}")) {
                errors.add(new FieldError(at + "majorCode", "required", "a major code of the catalogue, e.g. 0101"));
            }
            if (!isOneOf(line.classLevel(), ClassLevel.values())) {
                errors.add(new FieldError(at + "classLevel", "invalid-value", "one of " + List.of(ClassLevel.values())));
            }
            if (!isOneOf(line.studyMode(), StudyMode.values())) {
                errors.add(new FieldError(at + "studyMode", "invalid-value", "one of " + List.of(StudyMode.values())));
            }
            if (line.count() == null || line.count() <= 0) {
                errors.add(new FieldError(at + "count", "positive", "count must be a whole number greater than 0"));
            }
            values.add(line.count() == null ? null
                    : new PlanLineValue(line.majorCode(), line.classLevel(), line.studyMode(), line.count()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i).key())) {
                errors.add(new FieldError("lines[" + i + "]", "duplicate-line",
                        "another line has the same majorCode, classLevel and studyMode; merge them"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        return values;
    }

    static int year(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.badRequest(List.of(new FieldError("year", "year", "the intake year, e.g. 2025")));
        }
        return year;
    }

    static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(List.of(new FieldError(field, "required", message)));
        }
        return value.trim();
    }

    static UUID id(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(List.of(new FieldError(field, "uuid", field + " must be a UUID")));
        }
    }

    private static boolean isOneOf(String value, Enum<?>[] values) {
        for (Enum<?> v : values) {
            if (v.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
