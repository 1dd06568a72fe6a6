package org.techschools.quota.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A plan-compliance alert as offices read it, with the enrollment records it names and its workflow steps. */
public record PlanAlertView(UUID id, String type, String status, String schoolCode, String provinceCode, String cityCode,
        int year, String majorCode, String classLevel, Integer planned, Integer actual, String originRegion,
        Instant raisedAt, Instant updatedAt, List<Record> records, List<Step> history) {

    /** An enrollment record the alert names: enrollmentId, and schoolCode + sourceRecordId as the school knows it. */
    public record Record(UUID enrollmentId, String schoolCode, String sourceRecordId) {
    }

    public record Step(String from, String to, String actor, Instant at, String note) {
    }

    /** One page of the listing; {@code nextCursor} is null on the last page. */
    public record Page(List<PlanAlertView> items, String nextCursor) {
    }
}
