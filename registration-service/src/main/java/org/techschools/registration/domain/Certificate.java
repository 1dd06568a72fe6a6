package org.techschools.registration.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.ClassLevel;

/**
 * 毕业证书: the record of a certificate issued when a 学籍 ended by graduation (毕业), with what the certificate prints
 * as it was on that day: the holder's name, the school, the major, the class level and the graduation date. Never the
 * holder's ID number.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "registration_id", nullable = false, unique = true)
    public UUID registrationId;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** Null only when the school's directory entry had not reached this service when the 学籍 graduated. */
    @Column(name = "school_name")
    public String schoolName;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    @Column(name = "major_code", nullable = false)
    public String majorCode;

    /** Null only when the school's filed catalogue, as this service knew it, did not list the major. */
    @Column(name = "major_name")
    public String majorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "class_level", nullable = false)
    public ClassLevel classLevel;

    @Column(name = "graduated_on", nullable = false)
    public LocalDate graduatedOn;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    /**
     * The class level as the certificate prints it (docs/DOMAIN.md#certificates): 中级工班, 高级工班, and 预备技师（技师）班
     * for both technician levels, which the notices name as one class on paper; {@link #classLevel} tells them apart.
     */
    public String classLevelLabel() {
        return switch (classLevel) {
            case PREP_TECHNICIAN, TECHNICIAN -> "预备技师（技师）班";
            default -> classLevel.label;
        };
    }
}
