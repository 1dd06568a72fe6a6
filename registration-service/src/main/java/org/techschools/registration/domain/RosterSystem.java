package org.techschools.registration.domain;

/** The education system's registries whose rosters (名册) are imported and matched (学籍接续: docs/DOMAIN.md#rosters). */
public enum RosterSystem {
    /** 普通高中 */
    GENERAL_HIGH_SCHOOL,
    /** 中等职业学校 (中职) */
    SECONDARY_VOCATIONAL
}
