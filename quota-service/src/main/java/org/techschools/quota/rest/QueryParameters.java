package org.techschools.quota.rest;

import java.util.List;
import java.util.regex.Pattern;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/** Checks query and path parameters, answering 400 problem+json that names the offending field. */
final class QueryParameters {

    private static final Pattern YEAR = Pattern.compile("^(19|20|21)[0-9]{2}$");
    private static final Pattern PROVINCE = Pattern.compile("^[1-9][0-9]0000$");
    private static final Pattern CITY = Pattern.compile("^[1-9][0-9]{3}00$");
    private static final Pattern SCHOOL = Pattern.compile("^[A-Za-z0-9_.-]{1,32}$");

    private QueryParameters() {
    }

    static int requiredYear(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("year", "required", "year is required, e.g. 2025");
        }
        return year(value);
    }

    static Integer optionalYear(String value) {
        return value == null || value.isBlank() ? null : year(value);
    }

    static String requiredProvince(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("province", "required", "province is required: a province division code, e.g. 330000");
        }
        return province(value);
    }

    static String optionalProvince(String value) {
        return value == null || value.isBlank() ? null : province(value);
    }

    static String city(String value) {
        if (value == null || !CITY.matcher(value).matches() || value.endsWith("0000")) {
            throw invalid("cityCode", "city-code", "cityCode must be a city division code, e.g. 330100");
        }
        return value;
    }

    static String optionalCity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CITY.matcher(value).matches() || value.endsWith("0000")) {
            throw invalid("city", "city-code", "city must be a city division code, e.g. 330100");
        }
        return value;
    }

    static String optionalSchool(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SCHOOL.matcher(value).matches()) {
            throw invalid("school", "school-code", "school must be a school code");
        }
        return value;
    }

    /** The enum constant named by the parameter, null when absent; 400 naming the field and the allowed values. */
    static <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "invalid-value", field + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static int year(String value) {
        if (!YEAR.matcher(value.trim()).matches()) {
            throw invalid("year", "year", "year must be a four-digit year, e.g. 2025");
        }
        return Integer.parseInt(value.trim());
    }

    private static String province(String value) {
        if (!PROVINCE.matcher(value).matches()) {
            throw invalid("province", "province-code", "province must be a province division code, e.g. 330000");
        }
        return value;
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return ProblemException.badRequest(List.of(new FieldError(field, rule, message)));
    }
}
