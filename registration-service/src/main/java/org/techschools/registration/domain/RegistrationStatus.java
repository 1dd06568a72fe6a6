package org.techschools.registration.domain;

/** 学籍状态. Only an ACTIVE (在籍) 学籍 can conflict with another one. */
public enum RegistrationStatus {
    /** 在籍 */
    ACTIVE,
    /** 休学 */
    SUSPENDED,
    /** 退学 */
    WITHDRAWN,
    /** 毕业 */
    GRADUATED,
    /** 注销 */
    CANCELLED,
    /** 转出 */
    TRANSFERRED_OUT
}
