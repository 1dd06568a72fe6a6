package org.techschools.commons.events;

import java.time.Instant;
import java.util.UUID;

/** {@code enrollment-events}: the school withdrew a record (kept, never deleted). */
public record EnrollmentWithdrawn(UUID enrollmentId, String schoolCode, String sourceRecordId, int version, String personKey,
        String reason, Instant withdrawnAt) {

    public static final String TYPE = "EnrollmentWithdrawn";
}
