package org.techschools.commons.security;

/** The platform's roles (JWT {@code groups}). */
public final class Roles {

    public static final String SCHOOL = "school";
    public static final String CITY = "city";
    public static final String PROVINCE = "province";
    public static final String NATIONAL = "national";
    public static final String AUDITOR = "auditor";
    public static final String PUBLIC = "public";

    private Roles() {
    }
}
