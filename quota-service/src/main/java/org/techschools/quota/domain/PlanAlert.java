package org.techschools.quota.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.persistence.PlainSql;

/**
 * A plan-compliance alert (招生计划执行预警): one per type and subject, where the subject is the school and year
 * (NO_PLAN), the school, year, major and level (OVER_PLAN) or one enrollment record (CROSS_CITY_RECRUITMENT).
 */
@Entity
@Table(name = "plan_alert")
public class PlanAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanAlertType type;

    /** What the alert is about, unique per type: replays find the alert instead of raising another. */
    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    @Column(name = "intake_year", nullable = false)
    public int intakeYear;

    @Column(name = "major_code")
    public String majorCode;

    @Column(name = "class_level")
    public String classLevel;

    /** OVER_PLAN: the issued plan's count for the major and level when last checked. */
    public Integer planned;

    /** OVER_PLAN: active enrollment for the major and level when last checked. */
    public Integer actual;

    /** CROSS_CITY_RECRUITMENT: the student's origin (生源地). */
    @Column(name = "origin_region")
    public String originRegion;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Alerts of a province's intake year per city and {@link PlanAlertType}. */
    public static List<CounterSums.Count> countsByCity(int year, String provinceCode) {
        return PlainSql.list("""
                SELECT city_code, type, COUNT(*) FROM plan_alert
                WHERE intake_year = ? AND province_code = ? GROUP BY city_code, type""",
                row -> new CounterSums.Count(row.getString(1), row.getString(2), row.getLong(3)), year, provinceCode);
    }
}
