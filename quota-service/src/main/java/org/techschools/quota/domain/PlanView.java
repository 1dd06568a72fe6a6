package org.techschools.quota.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An enrollment plan (招生计划) as offices read it: its lines, status, adjustment requests (调整申请) and history.
 *
 * @param total students over all lines
 */
public record PlanView(UUID id, String schoolCode, String schoolName, String provinceCode, String cityCode, int year,
        String status, long total, List<PlanLineValue> lines, List<Adjustment> adjustments, List<Step> history) {

    /** A plan in a listing: no lines, adjustments or history. */
    public record Summary(UUID id, String schoolCode, String provinceCode, String cityCode, int year, String status,
            long total, Instant updatedAt) {
    }

    /** One page of a listing of plans; {@code nextCursor} is null on the last page. */
    public record Page(List<Summary> items, String nextCursor) {
    }

    public record Adjustment(UUID id, String status, String reason, List<PlanLineValue> lines, String requestedBy,
            Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote) {
    }

    /** @param lines the plan's lines after this step, for steps that set them */
    public record Step(String action, String status, String actor, Instant at, String note, UUID adjustmentId,
            List<PlanLineValue> lines) {
    }
}
