package org.techschools.enrollment.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.techschools.commons.events.RegistrationChanged;
import org.techschools.commons.persistence.PlainSql;

/**
 * 转学 as registration-service completed them (TRANSFER_IN on registration-events): kept so that the 进展表 counts a
 * transferred record at the receiving school from the transfer's effective month on (ProgressReports).
 */
@ApplicationScoped
public class EnrollmentTransfers {

    private static final List<String> COLUMNS = List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
            "varchar");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Keeps each transfer once, keyed by the new 学籍: the same transfer announced again (a redelivery, or a replay
     * under a new eventId) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(List<RegistrationChanged> transfersIn) {
        String now = clock.instant().toString();
        PlainSql.bulk("""
                INSERT INTO enrollment_transfer (registration_id, enrollment_id, from_school_code, to_school_code, to_province_code,
                    to_city_code, effective_on, recorded_at)
                SELECT t.registration_id::uuid, t.enrollment_id::uuid, t.from_school, t.to_school, t.province, t.city,
                    t.effective_on::date, t.recorded_at::timestamptz
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                    AS t (registration_id, enrollment_id, from_school, to_school, province, city, effective_on, recorded_at)
                ON CONFLICT (registration_id) DO NOTHING""", COLUMNS,
                transfersIn.stream().map(t -> new Object[] { t.registrationId().toString(), t.enrollmentId().toString(),
                        t.fromSchoolCode(), t.schoolCode(), t.provinceCode(), t.cityCode(), t.effectiveOn().toString(), now }).toList());
    }
}
