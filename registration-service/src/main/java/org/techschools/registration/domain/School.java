package org.techschools.registration.domain;

import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.SchoolType;

/**
 * Our projection of a school of enrollment-service's directory (学校名录), kept current from
 * {@code SchoolUpserted} events: this service never reads another service's database.
 */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SchoolType type;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    /** 省属: provincial schools are planned by the province rather than the city. */
    @Column(nullable = false)
    public boolean provincial;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The years it is qualified to enrol in (招生资质). */
    @Column(name = "qualified_years", nullable = false)
    public int[] qualifiedYears = new int[0];

    public boolean qualifiedIn(int year) {
        return Arrays.stream(qualifiedYears).anyMatch(y -> y == year);
    }
}
