package org.techschools.commons.events;

import java.time.LocalDate;
import java.util.UUID;

import org.techschools.commons.domain.StudyMode;

/**
 * {@code registration-events}: a 学籍 was created or changed state (学籍异动). An approved transfer (转学) is two
 * events: {@code TRANSFER} ends the 学籍 at the old school (TRANSFERRED_OUT), then {@link #TRANSFER_IN} announces the
 * new ACTIVE 学籍 at the receiving school, of the same enrollment record, with {@code fromSchoolCode} naming the old one.
 * <p>
 * {@code provinceCode} and {@code cityCode} (the 学籍's school's) and {@code fromSchoolCode} were added to schema version
 * 1 as optional fields: events written before carry none of them, and a consumer that does not know them reads past.
 */
public record RegistrationChanged(UUID registrationId, UUID enrollmentId, String schoolCode, String sourceRecordId,
        String personKey, String status, String changeType, StudyMode studyMode, LocalDate effectiveOn,
        String provinceCode, String cityCode, String fromSchoolCode) {

    public static final String TYPE = "RegistrationChanged";
    /** The change type of the 学籍 a transfer creates at the receiving school (转入). */
    public static final String TRANSFER_IN = "TRANSFER_IN";
}
