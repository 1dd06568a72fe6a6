package org.techschools.commons.events;

import java.time.LocalDate;
import java.util.UUID;

import org.techschools.commons.domain.StudyMode;

/** {@code registration-events}: a 学籍 was created or changed state (学籍异动). */
public record RegistrationChanged(UUID registrationId, UUID enrollmentId, String schoolCode, String sourceRecordId,
        String personKey, String status, String changeType, StudyMode studyMode, LocalDate effectiveOn) {

    public static final String TYPE = "RegistrationChanged";
}
