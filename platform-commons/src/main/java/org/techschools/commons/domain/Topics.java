package org.techschools.commons.domain;

/** The platform's topic names (declared with their partitions in deployment/kafka/topics.conf). */
public final class Topics {

    public static final String SCHOOL_EVENTS = "school-events";
    public static final String ENROLLMENT_EVENTS = "enrollment-events";
    public static final String REGISTRATION_EVENTS = "registration-events";
    public static final String QUOTA_EVENTS = "quota-events";

    private Topics() {
    }
}
