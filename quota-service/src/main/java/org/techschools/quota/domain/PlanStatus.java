package org.techschools.quota.domain;

/**
 * Where an enrollment plan (招生计划) stands: DRAFT (草稿, the issuing office still edits it) → ISSUED (下达 to the
 * school; from here on it changes only through an approved 调整申请) → FILED (报省人力社保厅备案).
 */
public enum PlanStatus {
    /** 草稿 */
    DRAFT("草稿"),
    /** 已下达 */
    ISSUED("已下达"),
    /** 已备案 */
    FILED("已备案");

    /** The status as the console shows it. */
    public final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    /** Plans that bind the school: they count as the plan figure and are what enrollment is checked against. */
    public boolean binding() {
        return this != DRAFT;
    }
}
