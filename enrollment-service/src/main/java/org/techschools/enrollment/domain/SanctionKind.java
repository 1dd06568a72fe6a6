package org.techschools.enrollment.domain;

/**
 * What a school is sanctioned for (处理处罚事由), in the words of the notices (docs/DOMAIN.md#sanctions-and-disclosure):
 * 违规招生 and 虚假宣传 from their rules on enrollment order, and the conditions they name for dealing with a school
 * publicly (违规办学, 招生管理不善, 办学秩序混乱, 存在隐患).
 */
public enum SanctionKind {
    ILLEGAL_ENROLLMENT("违规招生"),
    FALSE_ADVERTISING("虚假宣传"),
    ILLEGAL_OPERATION("违规办学"),
    POOR_ENROLLMENT_MANAGEMENT("招生管理不善"),
    DISORDERLY_OPERATION("办学秩序混乱"),
    SAFETY_HAZARD("存在安全隐患"),
    OTHER("其他违法违规行为");

    public final String label;

    SanctionKind(String label) {
        this.label = label;
    }
}
