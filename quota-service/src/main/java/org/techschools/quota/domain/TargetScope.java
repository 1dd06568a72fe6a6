package org.techschools.quota.domain;

/** The level a target (目标任务) is set for: 全国, 省, 设区市, 学校. */
public enum TargetScope {
    NATIONAL,
    PROVINCE,
    CITY,
    SCHOOL;

    /** The code of the NATIONAL level (全国). */
    public static final String NATIONAL_CODE = "000000";
}
