package org.techschools.enrollment.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.enrollment.domain.CheckStatus;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.EnrollmentSnapshot;
import org.techschools.enrollment.domain.EnrollmentStatus;

/**
 * 招生录取记录查询: filtered, caller-scoped lists of records in (updatedAt, id) order, paged by keyset so that
 * a client following {@code nextCursor} sees every record once even while records are being pushed.
 */
@ApplicationScoped
public class EnrollmentSearch {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /**
     * What to list: the caller's filters AND the caller's scope (school, city or province of the token).
     * Built only through {@link #parse}, so every value has been checked.
     */
    public record Filter(Map<String, Object> conditions) {
    }

    /** Query parameter → entity attribute, for the filters that compare by equality. */
    private static final Map<String, String> TEXT_FILTERS = Map.of("school", "schoolCode", "city", "cityCode",
            "province", "provinceCode");

    /**
     * Checks the query parameters ({@code school, city, province, year, season, level, mode, checkStatus, status,
     * updatedSince}) and adds the caller's scope; 400 naming every invalid field.
     */
    public Filter parse(MultivaluedMap<String, String> query, CallerScope caller) {
        Map<String, Object> conditions = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        TEXT_FILTERS.forEach((param, attribute) -> {
            String value = query.getFirst(param);
            if (value != null && !value.isBlank()) {
                if (!value.matches("[A-Za-z0-9-]{1,32}")) {
                    errors.add(new FieldError(param, "format", param + " is a code of letters, digits or dashes"));
                }
                conditions.put(attribute, value);
            }
        });
        String year = query.getFirst("year");
        if (year != null && !year.isBlank()) {
            if (year.matches("\\d{4}")) {
                conditions.put("intakeYear", Integer.valueOf(year));
            } else {
                errors.add(new FieldError("year", "format", "year is a four-digit year"));
            }
        }
        enumFilter(query, "season", "intakeSeason", IntakeSeason.class, conditions, errors);
        enumFilter(query, "level", "classLevel", ClassLevel.class, conditions, errors);
        enumFilter(query, "mode", "studyMode", StudyMode.class, conditions, errors);
        enumFilter(query, "checkStatus", "checkStatus", CheckStatus.class, conditions, errors);
        enumFilter(query, "status", "status", EnrollmentStatus.class, conditions, errors);
        String since = query.getFirst("updatedSince");
        if (since != null && !since.isBlank()) {
            try {
                conditions.put("updatedSince", Instant.parse(since));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("updatedSince", "format", "updatedSince is an ISO-8601 instant, e.g. 2026-09-01T00:00:00Z"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        addScope(caller, conditions);
        return new Filter(conditions);
    }

    /** Checks {@code limit}: default {@value #DEFAULT_LIMIT}, 1 to {@value #MAX_LIMIT}. */
    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,7}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw ProblemException.badRequest(List.of(new FieldError("limit", "range", "limit is 1 to " + MAX_LIMIT)));
        }
        return Integer.parseInt(limit);
    }

    /** One record by the school's code and record id; 404 when absent or outside the caller's scope. */
    public EnrollmentSnapshot one(String schoolCode, String sourceRecordId, CallerScope caller) {
        Enrollment e = Enrollment.findBySource(schoolCode, sourceRecordId);
        if (e == null || !caller.covers(e.provinceCode, e.cityCode, e.schoolCode)) {
            throw ProblemException.notFound("enrollment");
        }
        return EnrollmentSnapshot.of(e);
    }

    /** Up to {@code limit} records after {@code after} (null: from the start). */
    public List<EnrollmentSnapshot> page(Filter filter, KeysetCursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        filter.conditions().forEach((attribute, value) -> {
            String param = "p_" + attribute.replace('.', '_');
            if (attribute.equals("updatedSince")) {
                where.append(" and updatedAt >= :").append(param);
            } else {
                where.append(" and ").append(attribute.replace("scope.", "")).append(" = :").append(param);
            }
            params.put(param, value);
        });
        if (after != null) {
            where.append(" and (updatedAt > :afterAt or (updatedAt = :afterAt and id > :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        return Enrollment.<Enrollment>find(where + " order by updatedAt, id", params).range(0, limit - 1).list().stream()
                .map(EnrollmentSnapshot::of).toList();
    }

    /** The cursor after the last record of a full page; null when the page was the last. */
    public static String nextCursor(List<EnrollmentSnapshot> page, int limit) {
        if (page.size() < limit) {
            return null;
        }
        return after(page).encode();
    }

    /** The keyset position after the last record of a page. */
    public static KeysetCursor after(List<EnrollmentSnapshot> page) {
        EnrollmentSnapshot last = page.get(page.size() - 1);
        return new KeysetCursor(last.updatedAt(), last.id());
    }

    /** A school sees its own records, a city office its city, a province office its province (CallerScope). */
    private static void addScope(CallerScope caller, Map<String, Object> conditions) {
        String school = caller.schoolLimit();
        if (school != null) {
            conditions.put("scope.schoolCode", school);
            return;
        }
        String city = caller.cityLimit();
        if (city != null) {
            conditions.put("scope.cityCode", city);
            return;
        }
        String province = caller.provinceLimit();
        if (province != null) {
            conditions.put("scope.provinceCode", province);
        }
    }

    private static <E extends Enum<E>> void enumFilter(MultivaluedMap<String, String> query, String param, String attribute,
            Class<E> type, Map<String, Object> conditions, List<FieldError> errors) {
        String value = query.getFirst(param);
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            conditions.put(attribute, Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(param, "enum", param + " must be one of " + Arrays.toString(type.getEnumConstants())));
        }
    }
}
