package org.techschools.registration.domain;

import java.time.Instant;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.alerts.AlertStatus;

/**
 * The auditors' alert query. {@code province}, {@code city} and {@code school} match alerts naming at least
 * one record there; {@code from} is inclusive and {@code to} exclusive on raisedAt; the cursor continues
 * after the last alert of the previous page.
 */
public record AlertFilter(AlertType type, AlertStatus status, AlertSeverity severity, String province, String city,
        String school, Instant from, Instant to, int limit, KeysetCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
