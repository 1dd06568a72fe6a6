package org.techschools.registration.domain;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.paging.KeysetCursor;

/**
 * What a 学籍名册 page lists. Null fields do not filter; {@code namePrefix} matches the start of the name as written.
 * {@code after} is the last entry of the previous page.
 */
public record RollFilter(String schoolCode, RegistrationStatus status, ClassLevel classLevel, StudyMode studyMode,
        Integer intakeYear, String namePrefix, String sourceRecordId, KeysetCursor after, int limit) {

    public RollFilter after(KeysetCursor next) {
        return new RollFilter(schoolCode, status, classLevel, studyMode, intakeYear, namePrefix, sourceRecordId, next, limit);
    }
}
