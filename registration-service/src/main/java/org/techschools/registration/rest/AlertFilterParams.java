package org.techschools.registration.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.registration.domain.AlertSeverity;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.AlertFilter;

/**
 * Turns the query string of {@code GET /api/v1/alerts} into an {@link AlertFilter}. Parameters arrive as
 * text so that every bad value answers 400 naming its field (rather than JAX-RS's bare 404 for a bad enum).
 */
final class AlertFilterParams {

    private static final Pattern PROVINCE = Pattern.compile("\\d{2}0000");
    private static final Pattern CITY = Pattern.compile("\\d{4}00");
    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final List<FieldError> errors = new ArrayList<>();

    static AlertFilter parse(String type, String status, String severity, String province, String city, String school,
            String from, String to, String limit, String cursor) {
        AlertFilterParams p = new AlertFilterParams();
        AlertFilter filter = new AlertFilter(
                p.value("type", type, AlertType::valueOf, "one of " + List.of(AlertType.values())),
                p.value("status", status, AlertStatus::valueOf, "one of " + List.of(AlertStatus.values())),
                p.value("severity", severity, AlertSeverity::valueOf, "one of " + List.of(AlertSeverity.values())),
                p.matching("province", province, PROVINCE, "a province code such as 330000"),
                p.matching("city", city, CITY, "a city code such as 330100"),
                p.matching("school", school, SCHOOL, "a school code"),
                p.value("from", from, Instant::parse, "an ISO-8601 instant such as 2025-09-01T00:00:00Z"),
                p.value("to", to, Instant::parse, "an ISO-8601 instant such as 2025-10-01T00:00:00Z"),
                p.limit(limit),
                p.value("cursor", cursor, KeysetCursor::parse, "a nextCursor of an earlier page"));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            p.errors.add(new FieldError("to", "invalid-range", "must be after from"));
        }
        if (!p.errors.isEmpty()) {
            throw ProblemException.badRequest(p.errors);
        }
        return filter;
    }

    private <T> T value(String field, String text, Function<String, T> parser, String expected) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid-value", "must be " + expected));
            return null;
        }
    }

    private String matching(String field, String text, Pattern pattern, String expected) {
        return value(field, text, s -> {
            if (!pattern.matcher(s).matches()) {
                throw new IllegalArgumentException();
            }
            return s;
        }, expected);
    }

    private int limit(String text) {
        Integer limit = value("limit", text, Integer::valueOf, "a whole number from 1 to " + AlertFilter.MAX_LIMIT);
        if (limit == null) {
            return AlertFilter.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > AlertFilter.MAX_LIMIT) {
            errors.add(new FieldError("limit", "out-of-range", "must be from 1 to " + AlertFilter.MAX_LIMIT));
        }
        return limit;
    }
}
