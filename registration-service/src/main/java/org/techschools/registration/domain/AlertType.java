package org.techschools.registration.domain;

/** The kinds of conflict the duplicate checks raise, each with its fixed severity (DESIGN.md, "Checks"). */
public enum AlertType {
    /** 双重学籍: ACTIVE full-time 学籍 at two schools. */
    DOUBLE_REGISTRATION(AlertSeverity.HIGH),
    /** 全日制与非全日制学籍并存. */
    MIXED_MODE_OVERLAP(AlertSeverity.MEDIUM),
    /** 重复报送: the same person twice at the same school. */
    DUPLICATE_SUBMISSION(AlertSeverity.LOW),
    /** 身份信息冲突: one ID number, different name or gender. */
    IDENTITY_CONFLICT(AlertSeverity.HIGH);

    public final AlertSeverity severity;

    AlertType(AlertSeverity severity) {
        this.severity = severity;
    }
}
