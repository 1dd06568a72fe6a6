package org.techschools.quota.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.alerts.AlertStatus;
import org.techschools.quota.domain.PlanAlertType;

/**
 * A plan-compliance alert with the enrollment records it names and, when read alone, its workflow steps.
 *
 * @param history null in a listing
 */
public record PlanAlertDossier(UUID id, PlanAlertType type, AlertStatus status, String schoolCode, String provinceCode,
        String cityCode, int year, String majorCode, String classLevel, Integer planned, Integer actual,
        String originRegion, Instant raisedAt, Instant updatedAt, List<Record> records, List<Step> history) {

    /** An enrollment record the alert names: enrollmentId, and schoolCode + sourceRecordId as the school knows it. */
    public record Record(UUID enrollmentId, String schoolCode, String sourceRecordId) {
    }

    /** @param from null for the step that raised the alert */
    public record Step(AlertStatus from, AlertStatus to, String actor, Instant at, String note) {
    }

    /** One page of alerts; {@code nextCursor} is null on the last page. */
    public record Listing(List<PlanAlertDossier> alerts, String nextCursor) {
    }
}
