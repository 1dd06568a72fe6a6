package org.techschools.registration.service;

import java.util.List;

import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;

/**
 * A new alert (新预警) and the records it names, as {@link AlertStream} loads it once the raising transaction (on any
 * instance) has committed.
 */
public record AlertRaised(Alert alert, List<AlertRecord> records) {
}
