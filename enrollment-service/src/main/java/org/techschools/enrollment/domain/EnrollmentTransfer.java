package org.techschools.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
}
