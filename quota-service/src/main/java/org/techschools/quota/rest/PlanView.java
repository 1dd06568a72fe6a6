package org.techschools.quota.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.quota.domain.PlanLineValue;
import org.techschools.quota.service.PlanDossier;

/**
 * An enrollment plan (招生计划) as offices read it: its lines, status, adjustment requests (调整申请) and history.
 *
 * @param total students over all lines
 */
public record PlanView(UUID id, String schoolCode, String schoolName, String provinceCode, String cityCode, int year,
        String status, long total, List<PlanLineValue> lines, List<Adjustment> adjustments, List<Step> history) {

    static PlanView of(PlanDossier plan) {
        return new PlanView(plan.id(), plan.schoolCode(), plan.schoolName(), plan.provinceCode(), plan.cityCode(),
                plan.year(), plan.status().name(), plan.total(), plan.lines(),
                plan.adjustments().stream().map(a -> new Adjustment(a.id(), a.status().name(), a.reason(), a.lines(),
                        a.requestedBy(), a.requestedAt(), a.decidedBy(), a.decidedAt(), a.decisionNote())).toList(),
                plan.history().stream().map(h -> new Step(h.action(), h.status().name(), h.actor(), h.at(), h.note(),
                        h.adjustmentId(), h.lines())).toList());
    }

    /** A plan in a listing: no lines, adjustments or history. */
    public record Summary(UUID id, String schoolCode, String provinceCode, String cityCode, int year, String status,
            long total, Instant updatedAt) {
    }

    /** One page of a listing of plans; {@code nextCursor} is null on the last page. */
    public record Page(List<Summary> items, String nextCursor) {

        static Page of(PlanDossier.Listing listing) {
            return new Page(listing.plans().stream().map(p -> new Summary(p.id(), p.schoolCode(), p.provinceCode(),
                    p.cityCode(), p.year(), p.status().name(), p.total(), p.updatedAt())).toList(), listing.nextCursor());
        }
    }

    public record Adjustment(UUID id, String status, String reason, List<PlanLineValue> lines, String requestedBy,
            Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote) {
    }

    /** @param lines the plan's lines after this step, for steps that set them */
    public record Step(String action, String status, String actor, Instant at, String note, UUID adjustmentId,
            List<PlanLineValue> lines) {
    }
}
