package org.techschools.quota.domain;

/** Plan-compliance alerts (招生秩序) raised from enrollment records. */
public enum PlanAlertType {
    /** 超计划招生: a school enrolled more students for a major and class level than its issued plan allows. */
    OVER_PLAN("超计划招生"),
    /** 无计划招生: a school enrolled students for an intake year without an issued plan. */
    NO_PLAN("无计划招生"),
    /** 省内跨市招生: a student from another city of the school's province (allowed only to 省属技师学院). */
    CROSS_CITY_RECRUITMENT("省内跨市招生");

    /** The name the console shows. */
    public final String label;

    PlanAlertType(String label) {
        this.label = label;
    }
}
