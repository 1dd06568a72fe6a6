package org.techschools.commons.alerts;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an alert stands in its workflow, the same for registration alerts and plan-compliance alerts:
 * OPEN → INVESTIGATING (核查中) → CONFIRMED (查实) | DISMISSED (排除), CONFIRMED → REFERRED (移交处理).
 * RESOLVED is set only by the system, when a conflicting 学籍 ends.
 */
public enum AlertStatus {
    OPEN("待处理"),
    INVESTIGATING("核查中"),
    CONFIRMED("查实"),
    DISMISSED("排除"),
    REFERRED("移交处理"),
    RESOLVED("已消除");

    /** Statuses that still flag the records the alert names (a dismissed or resolved alert no longer does). */
    public static final Set<AlertStatus> FLAGGING = EnumSet.of(OPEN, INVESTIGATING, CONFIRMED, REFERRED);

    /** Statuses the lifecycle may close: nobody has decided on the alert yet. */
    public static final Set<AlertStatus> UNDECIDED = EnumSet.of(OPEN, INVESTIGATING);

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    /** The status as the console shows it. */
    public String label() {
        return label;
    }

    /** The steps an auditor or office may take from this status. */
    public Set<AlertStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(CONFIRMED, DISMISSED);
            case CONFIRMED -> EnumSet.of(REFERRED);
            default -> EnumSet.noneOf(AlertStatus.class);
        };
    }
}
