package org.techschools.quota.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.quota.domain.PlanLineValue;

/**
 * {@code quota-events}, type {@link #TYPE}, keyed by school code: a step of an enrollment plan (招生计划) with the
 * plan's whole current state after it (event-carried state), per deployment/kafka/schemas/PlanChanged.schema.json.
 *
 * @param change       the step: CREATED, EDITED, ISSUED, FILED, ADJUSTMENT_REQUESTED, ADJUSTMENT_APPROVED,
 *                     ADJUSTMENT_REJECTED
 * @param adjustmentId the adjustment request (调整申请) of an ADJUSTMENT_* step, else null
 */
public record PlanChanged(UUID planId, String schoolCode, String provinceCode, String cityCode, int year, String change,
        String status, List<PlanLineValue> lines, long total, UUID adjustmentId, String note, String actor,
        Instant changedAt) {

    public static final String TYPE = "PlanChanged";
}
