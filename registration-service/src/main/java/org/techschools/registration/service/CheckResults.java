package org.techschools.registration.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.registration.domain.Alert;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.messaging.RegistrationEventsOutbox;

/**
 * Re-sends the check result (查重结果) of enrollment records whose flagging alerts may have changed, so
 * enrollment-service shows every school the current FLAGGED/CLEAN status of each record it pushed.
 */
@ApplicationScoped
public class CheckResults {

    @Inject
    RegistrationEventsOutbox events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishFor(Registration registration) {
        events.checkCompleted(registration, Alert.idsNamingRecord(registration.enrollmentId, AlertStatus.FLAGGING));
    }

    /**
     * The check result of a 学籍 registered just now, then of the other records named by the alerts it raised. Only
     * its first check can have raised alerts naming a new record (a rebuild empties the alerts with the registry), so
     * its flagging alerts are exactly the ones just raised: no query, which is one round trip less per enrollment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishForNew(Registration registration, List<UUID> raised, Collection<UUID> enrollmentIdsOfChangedAlerts) {
        events.checkCompleted(registration, raised);
        publishFor(null, enrollmentIdsOfChangedAlerts.stream().filter(id -> !id.equals(registration.enrollmentId)).toList());
    }

    /** The given record first, then every other record named by the given alerts, each once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishFor(Registration registration, Collection<UUID> enrollmentIdsOfChangedAlerts) {
        Set<UUID> enrollmentIds = new LinkedHashSet<>();
        if (registration != null) {
            enrollmentIds.add(registration.enrollmentId);
        }
        enrollmentIds.addAll(enrollmentIdsOfChangedAlerts);
        for (UUID enrollmentId : enrollmentIds) {
            if (registration != null && enrollmentId.equals(registration.enrollmentId)) {
                publishFor(registration);
            } else {
                Registration.byEnrollment(enrollmentId).ifPresent(this::publishFor);
            }
        }
    }
}
