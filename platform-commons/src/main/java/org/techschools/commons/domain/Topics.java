package org.techschools.commons.domain;

import java.util.Set;

/** The platform's topic names (declared with their partitions in deployment/kafka/topics.conf). */
public final class Topics {

    public static final String SCHOOL_EVENTS = "school-events";
    public static final String ENROLLMENT_EVENTS = "enrollment-events";
    public static final String REGISTRATION_EVENTS = "registration-events";
    public static final String QUOTA_EVENTS = "quota-events";
    /** enrollment-service's 进展表 reminders (ProgressReportOverdue), keyed by province code. */
    public static final String PROGRESS_REPORT_EVENTS = "progress-report-events";

    /**
     * The envelope schema versions a consumer of {@link #ENROLLMENT_EVENTS} reads: the topic is replayed from its start,
     * so events written before EnrollmentRecorded's version 2 stay readable; version 3 carries class level TECHNICIAN.
     */
    public static final Set<Integer> ENROLLMENT_EVENTS_VERSIONS = Set.of(1, 2, 3);

    /** The envelope schema versions a consumer of {@link #SCHOOL_EVENTS} reads: version 2 files majors for TECHNICIAN. */
    public static final Set<Integer> SCHOOL_EVENTS_VERSIONS = Set.of(1, 2);

    private Topics() {
    }
}
