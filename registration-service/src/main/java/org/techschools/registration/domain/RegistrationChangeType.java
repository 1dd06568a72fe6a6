package org.techschools.registration.domain;

/** 学籍异动: the changes a school or the province makes to a 学籍 (names as on {@code RegistrationChanged}). */
public enum RegistrationChangeType {
    /** 退学 */
    WITHDRAW,
    /** 休学 */
    SUSPEND,
    /** 复学 */
    RESUME,
    /** 毕业 */
    GRADUATE,
    /** 注销 */
    CANCEL,
    /** 转学: a request the province approves; only the approval changes the 学籍 (to TRANSFERRED_OUT). */
    TRANSFER
}
