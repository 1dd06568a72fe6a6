package org.techschools.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.persistence.PlainSql;

/**
 * 转学: an approved transfer of an enrollment record's 学籍 to another school, as registration-service announced it
 * (TRANSFER_IN). The record itself keeps the school that enrolled the person; the 进展表 counts it at
 * {@link #toSchoolCode} from the month of {@link #effectiveOn} on.
 */
@Entity
@Table(name = "enrollment_transfer")
public class EnrollmentTransfer extends PanacheEntityBase {

    /** The new 学籍 at the receiving school: one row per transfer, however often its event arrives. */
    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    @Column(name = "from_school_code", nullable = false)
    public String fromSchoolCode;

    @Column(name = "to_school_code", nullable = false)
    public String toSchoolCode;

    @Column(name = "to_province_code", nullable = false)
    public String toProvinceCode;

    @Column(name = "to_city_code", nullable = false)
    public String toCityCode;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * Keeps each transfer once, keyed by the new 学籍, in one statement for the batch: the same transfer announced again
     * (a redelivery, or a replay under a new eventId) changes nothing.
     */
    public static void recordOnce(List<EnrollmentTransfer> transfers) {
        PlainSql.bulk("""
                INSERT INTO enrollment_transfer (registration_id, enrollment_id, from_school_code, to_school_code, to_province_code,
                    to_city_code, effective_on, recorded_at)
                SELECT t.registration_id::uuid, t.enrollment_id::uuid, t.from_school, t.to_school, t.province, t.city,
                    t.effective_on::date, t.recorded_at::timestamptz
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                    AS t (registration_id, enrollment_id, from_school, to_school, province, city, effective_on, recorded_at)
                ON CONFLICT (registration_id) DO NOTHING""", List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
                "varchar", "varchar"),
                transfers.stream().map(t -> new Object[] { t.registrationId.toString(), t.enrollmentId.toString(), t.fromSchoolCode,
                        t.toSchoolCode, t.toProvinceCode, t.toCityCode, t.effectiveOn.toString(), t.recordedAt.toString() }).toList());
    }
}
