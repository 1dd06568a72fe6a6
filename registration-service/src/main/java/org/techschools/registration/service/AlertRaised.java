package org.techschools.registration.service;

import java.util.List;

import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;

/**
 * A new alert (新预警) and the records it names, fired by {@link AlertBook} inside the raising transaction.
 * Observers that must not show an alert that is rolled back observe it after success ({@link AlertStream}).
 */
public record AlertRaised(Alert alert, List<AlertRecord> records) {
}
