package org.techschools.registration.rest;

import org.techschools.registration.domain.AlertFilter;

/** Descriptions of the query parameters several of this service's operations share (alert and roll filters). */
final class ParameterDocs {

    static final String ALERT_TYPE = "Alert type, e.g. DOUBLE_REGISTRATION (双重学籍), CROSS_SYSTEM_REGISTRATION, PROBABLE_DUPLICATE";
    static final String ALERT_STATUS = "Workflow status: OPEN, INVESTIGATING, CONFIRMED, DISMISSED or REFERRED";
    static final String ALERT_SEVERITY = "Severity: HIGH, MEDIUM or LOW";
    static final String ALERT_LIMIT = "Alerts per page, 1 to " + AlertFilter.MAX_LIMIT + " (default " + AlertFilter.DEFAULT_LIMIT + ")";
    static final String ROLL_STATUS = "学籍 status: ACTIVE (在籍), SUSPENDED, WITHDRAWN, GRADUATED, CANCELLED or TRANSFERRED_OUT";
    static final String CLASS_LEVEL = "Class level: INTERMEDIATE (中级工班), ADVANCED, PREP_TECHNICIAN or TECHNICIAN";
    static final String STUDY_MODE = "FULL_TIME (全日制) or PART_TIME (非全日制)";
    static final String INTAKE_YEAR = "Intake year, e.g. 2025";
    static final String NAME_PREFIX = "The name's start, at most 50 characters";
    static final String SOURCE_RECORD_ID = "The school's own record id (with schoolCode: the 学籍 that enrollment record created)";
    static final String GRADUATED_FROM = "Graduated on or after this date (YYYY-MM-DD)";
    static final String GRADUATED_TO = "Graduated on or before this date (YYYY-MM-DD)";

    private ParameterDocs() {
    }
}
