package org.techschools.commons.domain;

/** 学校类型: 技工学校, 高级技工学校, 技师学院 — the rows of the monthly 进展表. */
public enum SchoolType {
    /** 技工学校 */
    TECHNICAL_SCHOOL("技工学校"),
    /** 高级技工学校 */
    SENIOR_TECHNICAL_SCHOOL("高级技工学校"),
    /** 技师学院 */
    TECHNICIAN_COLLEGE("技师学院");

    public final String label;

    SchoolType(String label) {
        this.label = label;
    }
}
