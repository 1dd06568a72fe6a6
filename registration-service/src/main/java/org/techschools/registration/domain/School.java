package org.techschools.registration.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.persistence.PlainSql;

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

    /** The provinces the directory has schools in, in code order. */
    public static List<String> provinceCodes() {
        return PlainSql.list("SELECT DISTINCT province_code FROM school ORDER BY province_code", row -> row.getString(1));
    }

    /**
     * The province's schools (only {@code cityCode}'s when not null), in code order, each with its 在籍 and 休学 学籍
     * of the intake.
     */
    public static List<ApproachingDeadline.School> withRegisteredOfIntake(String provinceCode, String cityCode, int year,
            IntakeSeason season) {
        List<Object> parameters = new ArrayList<>(List.of(year, season.name(), provinceCode));
        if (cityCode != null) {
            parameters.add(cityCode);
        }
        return PlainSql.list("""
                SELECT s.code, s.name, s.city_code, COUNT(r.id) FROM school s
                LEFT JOIN registration r ON r.school_code = s.code AND r.intake_year = ? AND r.intake_season = ?
                     AND r.status IN ('ACTIVE', 'SUSPENDED')
                WHERE s.province_code = ?""" + (cityCode == null ? "" : " AND s.city_code = ?")
                + " GROUP BY s.code, s.name, s.city_code ORDER BY s.code",
                row -> new ApproachingDeadline.School(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)),
                parameters.toArray());
    }

    public boolean qualifiedIn(int year) {
        return Arrays.stream(qualifiedYears).anyMatch(y -> y == year);
    }
}
