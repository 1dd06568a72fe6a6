package org.techschools.commons.problem;

/**
 * One broken rule of a request.
 *
 * @param field JSON path of the field, e.g. {@code student.idNumber}
 * @param rule  stable machine-readable rule code, e.g. {@code id-check-digit}
 */
public record FieldError(String field, String rule, String message) {
}
