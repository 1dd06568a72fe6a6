package org.techschools.commons.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code registration-events}: the check result of one enrollment record. Sent after the record's own
 * checks and again whenever the set of open alerts naming the record changes; consumers keep the newest by
 * {@code checkedAt}.
 */
public record RegistrationCheckCompleted(UUID enrollmentId, UUID registrationId, String schoolCode, String sourceRecordId,
        String personKey, CheckStatus checkStatus, List<UUID> alertIds, Instant checkedAt) {

    public static final String TYPE = "RegistrationCheckCompleted";

    public enum CheckStatus {
        CLEAN,
        FLAGGED
    }
}
