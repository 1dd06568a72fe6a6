package org.techschools.quota.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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

/**
 * 招生计划: how many students a school is to enroll in an intake year, per major, class level and study mode. From 2023
 * the city office issues it (省属 schools: the province), checked against the school's filed major catalogue
 * (专业目录备案), and files it with the province (浙人社函〔2023〕37号). One plan per school and year.
 */
@Entity
@Table(name = "enrollment_plan")
public class EnrollmentPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** The school's province and city when the plan was created: where the plan counts on the dashboards. */
    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The plans that bind (issued or filed) among those of the given schools and years, by {@code List.of(schoolCode,
     * year)}; a school and year with no plan, or only a draft, is absent. One query for a whole batch of records.
     */
    public static Map<List<Object>, EnrollmentPlan> bindingOf(Collection<String> schoolCodes, Collection<Integer> years) {
        Map<List<Object>, EnrollmentPlan> plans = new HashMap<>();
        if (schoolCodes.isEmpty() || years.isEmpty()) {
            return plans;
        }
        for (EnrollmentPlan plan : EnrollmentPlan.<EnrollmentPlan>list("schoolCode in ?1 and year in ?2", schoolCodes, years)) {
            if (plan.status.binding()) {
                plans.put(List.of(plan.schoolCode, plan.year), plan);
            }
        }
        return plans;
    }
}
