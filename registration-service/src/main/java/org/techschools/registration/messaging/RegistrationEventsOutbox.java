package org.techschools.registration.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.RegistrationChanged;
import org.techschools.commons.events.RegistrationCheckCompleted;
import org.techschools.commons.events.RegistrationCheckCompleted.CheckStatus;
import org.techschools.commons.messaging.Outbox;
import org.techschools.registration.domain.Registration;

/**
 * What this service tells the others on {@code registration-events}, always through the transactional
 * outbox so the event commits with the change it reports. Key: the personKey, so one person's events
 * stay in order on one partition.
 */
@ApplicationScoped
public class RegistrationEventsOutbox {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A 学籍 was created or changed state (学籍异动). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Registration registration, String changeType, LocalDate effectiveOn) {
        changed(registration, changeType, effectiveOn, null);
    }

    /** A transfer created this 学籍 at the receiving school (转入), continuing the one at {@code fromSchoolCode}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferredIn(Registration registration, String fromSchoolCode, LocalDate effectiveOn) {
        changed(registration, RegistrationChanged.TRANSFER_IN, effectiveOn, fromSchoolCode);
    }

    private void changed(Registration registration, String changeType, LocalDate effectiveOn, String fromSchoolCode) {
        outbox.append(Topics.REGISTRATION_EVENTS, RegistrationChanged.TYPE, registration.personKey,
                new RegistrationChanged(registration.id, registration.enrollmentId, registration.schoolCode,
                        registration.sourceRecordId, registration.personKey, registration.status.name(), changeType,
                        registration.studyMode, effectiveOn, registration.provinceCode, registration.cityCode, fromSchoolCode));
    }

    /**
     * The check result of one enrollment record: FLAGGED while any alert that still flags (open, under
     * investigation, confirmed, referred) names it, CLEAN otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkCompleted(Registration registration, List<UUID> alertIds) {
        outbox.append(Topics.REGISTRATION_EVENTS, RegistrationCheckCompleted.TYPE, registration.personKey,
                new RegistrationCheckCompleted(registration.enrollmentId, registration.id, registration.schoolCode,
                        registration.sourceRecordId, registration.personKey,
                        alertIds.isEmpty() ? CheckStatus.CLEAN : CheckStatus.FLAGGED, alertIds, clock.instant()));
    }
}
