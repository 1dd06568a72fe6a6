package org.techschools.quota.domain;

/** Where an adjustment request (调整申请) stands: waiting for the province, approved (applied) or rejected. */
public enum AdjustmentStatus {
    /** 待审核 */
    PENDING("待审核"),
    /** 已批准: its lines are the plan's lines */
    APPROVED("已批准"),
    /** 未批准 */
    REJECTED("未批准");

    /** The status as the console shows it. */
    public final String label;

    AdjustmentStatus(String label) {
        this.label = label;
    }
}
