package org.techschools.quota.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.quota.service.PlanAlertDossier;

/** A plan-compliance alert as offices read it, with the enrollment records it names and its workflow steps. */
public record PlanAlertView(UUID id, String type, String status, String schoolCode, String provinceCode, String cityCode,
        int year, String majorCode, String classLevel, Integer planned, Integer actual, String originRegion,
        Instant raisedAt, Instant updatedAt, List<Record> records, List<Step> history) {

    static PlanAlertView of(PlanAlertDossier a) {
        return new PlanAlertView(a.id(), a.type().name(), a.status().name(), a.schoolCode(), a.provinceCode(),
                a.cityCode(), a.year(), a.majorCode(), a.classLevel(), a.planned(), a.actual(), a.originRegion(),
                a.raisedAt(), a.updatedAt(),
                a.records().stream().map(r -> new Record(r.enrollmentId(), r.schoolCode(), r.sourceRecordId())).toList(),
                a.history() == null ? null : a.history().stream().map(s -> new Step(
                        s.from() == null ? null : s.from().name(), s.to().name(), s.actor(), s.at(), s.note())).toList());
    }

    /** An enrollment record the alert names: enrollmentId, and schoolCode + sourceRecordId as the school knows it. */
    public record Record(UUID enrollmentId, String schoolCode, String sourceRecordId) {
    }

    public record Step(String from, String to, String actor, Instant at, String note) {
    }

    /** One page of the listing; {@code nextCursor} is null on the last page. */
    public record Page(List<PlanAlertView> items, String nextCursor) {

        static Page of(PlanAlertDossier.Listing listing) {
            return new Page(listing.alerts().stream().map(PlanAlertView::of).toList(), listing.nextCursor());
        }
    }
}
