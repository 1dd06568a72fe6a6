package org.techschools.quota.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.persistence.PlainSql;

/** 计划明细: one line of an {@link EnrollmentPlan}, in the order the office wrote them. */
@Entity
@Table(name = "plan_line")
public class PlanLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Position in the plan (0-based), as in {@code lines[n]} of the request. */
    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @Column(name = "major_code", nullable = false)
    public String majorCode;

    @Column(name = "class_level", nullable = false)
    public String classLevel;

    @Column(name = "study_mode", nullable = false)
    public String studyMode;

    @Column(nullable = false)
    public int count;

    public PlanLineValue value() {
        return new PlanLineValue(majorCode, classLevel, studyMode, count);
    }

    public static List<PlanLineValue> ofPlan(UUID planId) {
        return PlanLine.<PlanLine>list("planId = ?1 order by lineNo", planId).stream().map(PlanLine::value).toList();
    }

    /** Students in each of the plans (the sum of its lines), in one query for a whole page of plans. */
    public static Map<UUID, Long> totalsOf(Collection<UUID> planIds) {
        Map<UUID, Long> totals = new HashMap<>();
        if (!planIds.isEmpty()) {
            getEntityManager().createQuery("select planId, sum(count) from PlanLine where planId in ?1 group by planId",
                    Object[].class).setParameter(1, planIds).getResultList()
                    .forEach(row -> totals.put((UUID) row[0], ((Number) row[1]).longValue()));
        }
        return totals;
    }

    /** Students the plan allows for a major and class level, over both study modes. */
    public static long planned(UUID planId, String majorCode, String classLevel) {
        return PlainSql.list("""
                SELECT COALESCE(SUM(count), 0) FROM plan_line WHERE plan_id = ? AND major_code = ? AND class_level = ?""",
                row -> row.getLong(1), planId, majorCode, classLevel).get(0);
    }

    /** Planned students of issued and filed plans of a province's year, per city. */
    public static Map<String, Long> plannedByCity(int year, String provinceCode) {
        return planned("p.city_code", "", year, provinceCode, null);
    }

    /** Planned students of issued and filed plans of a city's year, per school. */
    public static Map<String, Long> plannedBySchool(int year, String provinceCode, String cityCode) {
        return planned("p.school_code", " AND p.city_code = ?", year, provinceCode, cityCode);
    }

    private static Map<String, Long> planned(String by, String cityCondition, int year, String provinceCode,
            String cityCode) {
        List<Object> parameters = new ArrayList<>(List.of(year, provinceCode, PlanStatus.ISSUED.name(),
                PlanStatus.FILED.name()));
        if (cityCode != null) {
            parameters.add(cityCode);
        }
        Map<String, Long> sums = new HashMap<>();
        PlainSql.list("SELECT " + by + ", SUM(l.count) FROM enrollment_plan p"
                + " JOIN plan_line l ON l.plan_id = p.id WHERE p.year = ? AND p.province_code = ? AND p.status IN (?, ?)"
                + cityCondition + " GROUP BY " + by, row -> Map.entry(row.getString(1), row.getLong(2)),
                parameters.toArray()).forEach(sum -> sums.put(sum.getKey(), sum.getValue()));
        return sums;
    }
}
