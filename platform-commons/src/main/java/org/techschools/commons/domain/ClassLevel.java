package org.techschools.commons.domain;

/** 班级层次: 中级工班, 高级工班, 预备技师(技师)班. */
public enum ClassLevel {
    /** 中级工班 */
    INTERMEDIATE,
    /** 高级工班 */
    ADVANCED,
    /** 预备技师（技师）班 */
    PREP_TECHNICIAN
}
