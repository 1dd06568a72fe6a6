package org.techschools.quota.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.paging.NewestFirstPage;
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

    /** Alerts equal to each non-null field. */
    public record Selection(PlanAlertType type, AlertStatus status, String provinceCode, String cityCode,
            String schoolCode, Integer year) {

        /** The alerts of a school, or of a province and city (null: any). */
        public static Selection scope(String provinceCode, String cityCode, String schoolCode) {
            return new Selection(null, null, provinceCode, cityCode, schoolCode, null);
        }
    }

    /** One page of the ids of the alerts in both selections (what was asked and the caller's scope), newest first. */
    public static NewestFirstPage newestFirst(Selection asked, Selection scope, KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder("TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        List<Selection> selections = List.of(asked, scope);
        for (int i = 0; i < selections.size(); i++) {
            Selection s = selections.get(i);
            condition(sql, params, "a.type", "type" + i, s.type() == null ? null : s.type().name());
            condition(sql, params, "a.status", "status" + i, s.status() == null ? null : s.status().name());
            condition(sql, params, "a.province_code", "province" + i, s.provinceCode());
            condition(sql, params, "a.city_code", "city" + i, s.cityCode());
            condition(sql, params, "a.school_code", "school" + i, s.schoolCode());
            condition(sql, params, "a.intake_year", "year" + i, s.year());
        }
        return NewestFirstPage.of(getEntityManager(), "plan_alert", sql.toString(), params, after, limit);
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
