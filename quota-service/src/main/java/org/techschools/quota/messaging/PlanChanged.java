package org.techschools.quota.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.quota.domain.PlanLineValue;

/**
 * {@code quota-events}, type {@link #TYPE}, keyed by school code: a step of an enrollment plan (招生计划) with the
 * plan's whole current state after it (event-carried state), per deployment/kafka/schemas/PlanChanged.schema.json.
 *
 * @param change       the step: CREATED, EDITED, ISSUED, FILED, ADJUSTMENT_REQUESTED, ADJUSTMENT_APPROVED,
 *                     ADJUSTMENT_REJECTED
 * @param adjustmentId the adjustment request (调整申请) of an ADJUSTMENT_* step, else null
 *                     <p>
 *                     Schema version 2 is version 1 with a line of class level TECHNICIAN (技师班); only such plans are
 *                     written at 2, so a reader of version 1 never meets the level it does not know.
 */
public record PlanChanged(UUID planId, String schoolCode, String provinceCode, String cityCode, int year, String change,
        String status, List<PlanLineValue> lines, long total, UUID adjustmentId, String note, String actor,
        Instant changedAt) {

    public static final String TYPE = "PlanChanged";
    public static final int SCHEMA_VERSION = 1;
    public static final int TECHNICIAN_SCHEMA_VERSION = 2;

    /** The schema version an event with these lines is written in. */
    public static int schemaVersion(List<PlanLineValue> lines) {
        return lines.stream().anyMatch(l -> ClassLevel.TECHNICIAN.name().equals(l.classLevel())) ? TECHNICIAN_SCHEMA_VERSION
                : SCHEMA_VERSION;
    }
}
