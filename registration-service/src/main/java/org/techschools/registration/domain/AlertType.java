package org.techschools.registration.domain;

/** The kinds of conflict the duplicate checks raise, each with its fixed severity (docs/DOMAIN.md#checks). */
public enum AlertType {
    /** 双重学籍: ACTIVE full-time 学籍 at two schools. */
    DOUBLE_REGISTRATION(AlertSeverity.HIGH, "双重学籍"),
    /** 全日制与非全日制学籍并存. */
    MIXED_MODE_OVERLAP(AlertSeverity.MEDIUM, "全日制与非全日制并存"),
    /** 重复报送: the same person twice at the same school. */
    DUPLICATE_SUBMISSION(AlertSeverity.LOW, "重复报送"),
    /** 身份信息冲突: one ID number, different name or gender. */
    IDENTITY_CONFLICT(AlertSeverity.HIGH, "身份信息冲突"),
    /** 跨系统学籍: the person is on an imported 普高/中职 roster as 在籍 (no 学籍 for them here: docs/DOMAIN.md#rosters). */
    CROSS_SYSTEM_REGISTRATION(AlertSeverity.HIGH, "跨系统学籍"),
    /** 疑似重复: different ID numbers, same birth date and gender, equal or near-equal name (possible fake identity). */
    PROBABLE_DUPLICATE(AlertSeverity.MEDIUM, "疑似重复"),
    /** 逾期注册: registered after the province's deadline for the intake season. */
    LATE_REGISTRATION(AlertSeverity.LOW, "逾期注册");

    public final AlertSeverity severity;

    /** How the console names the alert type. */
    public final String label;

    AlertType(AlertSeverity severity, String label) {
        this.severity = severity;
        this.label = label;
    }
}
