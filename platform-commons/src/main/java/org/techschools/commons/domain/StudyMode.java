package org.techschools.commons.domain;

/** 学习形式: 全日制 or 非全日制 (enterprise employees, programme of at least one year). */
public enum StudyMode {
    /** 全日制 */
    FULL_TIME,
    /** 非全日制 */
    PART_TIME
}
