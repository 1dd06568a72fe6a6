package org.techschools.quota.domain;

import java.util.EnumSet;
import java.util.Set;

/** An alert's workflow: OPEN → INVESTIGATING (核查中) → CONFIRMED (查实) | DISMISSED (排除); CONFIRMED → REFERRED (移交处理). */
public enum PlanAlertStatus {
    OPEN,
    INVESTIGATING,
    CONFIRMED,
    DISMISSED,
    REFERRED;

    /** The steps an office may take from this status. */
    public Set<PlanAlertStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(CONFIRMED, DISMISSED);
            case CONFIRMED -> EnumSet.of(REFERRED);
            default -> EnumSet.noneOf(PlanAlertStatus.class);
        };
    }
}
