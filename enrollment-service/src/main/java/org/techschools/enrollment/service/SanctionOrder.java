package org.techschools.enrollment.service;

/**
 * A sanction (处理处罚) as a province office records it against a school: dates and the kind still text, so
 * {@link SchoolSanctions} names every field that breaks a rule. {@code suspendsEnrollment} null means it does not
 * suspend enrollment.
 */
public record SanctionOrder(String kind, String decisionNumber, String authority, String decidedOn, String from, String until,
        Boolean suspendsEnrollment) {
}
