package org.techschools.quota.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 学籍 as the last RegistrationChanged on {@code registration-events} described it, and the
 * {@code registration_counter} cell it is counted in while it is ACTIVE (在籍).
 */
@Entity
@Table(name = "registration_state")
public class RegistrationState extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** ACTIVE, SUSPENDED (休学), WITHDRAWN (退学), GRADUATED, CANCELLED, TRANSFERRED_OUT (转出). */
    @Column(nullable = false)
    public String status;

    @Column(name = "change_type", nullable = false)
    public String changeType;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(name = "counted_province")
    public String countedProvince;

    @Column(name = "counted_city")
    public String countedCity;

    /** Intake year of the cell the 学籍 is counted in; null while it is not counted. */
    @Column(name = "counted_year")
    public Integer countedYear;

    public static List<RegistrationState> ofEnrollment(UUID enrollmentId) {
        return list("enrollmentId", enrollmentId);
    }
}
