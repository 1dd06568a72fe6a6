package org.techschools.quota.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.quota.domain.AdjustmentStatus;
import org.techschools.quota.domain.PlanLineValue;
import org.techschools.quota.domain.PlanStatus;

/**
 * An enrollment plan (招生计划) with what the workflow kept of it: its lines, status, adjustment requests (调整申请) and
 * history, as the plan workflow answers each step.
 *
 * @param schoolName null when the school directory does not know the school
 */
public record PlanDossier(UUID id, String schoolCode, String schoolName, String provinceCode, String cityCode, int year,
        PlanStatus status, List<PlanLineValue> lines, List<Adjustment> adjustments, List<Step> history) {

    /** Students over all lines. */
    public long total() {
        return lines.stream().mapToLong(PlanLineValue::count).sum();
    }

    public record Adjustment(UUID id, AdjustmentStatus status, String reason, List<PlanLineValue> lines,
            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote) {
    }

    /**
     * @param action a {@code PlanHistoryEntry.Action} name
     * @param lines  the plan's lines after this step, for steps that set them
     */
    public record Step(String action, PlanStatus status, String actor, Instant at, String note, UUID adjustmentId,
            List<PlanLineValue> lines) {
    }

    /** A plan in a listing: no lines, adjustments or history. */
    public record Listed(UUID id, String schoolCode, String provinceCode, String cityCode, int year, PlanStatus status,
            long total, Instant updatedAt) {
    }

    /** One page of a listing of plans; {@code nextCursor} is null on the last page. */
    public record Listing(List<Listed> plans, String nextCursor) {
    }
}
