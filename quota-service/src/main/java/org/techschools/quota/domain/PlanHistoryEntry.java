package org.techschools.quota.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in a plan's history: who did what when, the status after it and, where lines changed, the lines after it. */
@Entity
@Table(name = "plan_history")
public class PlanHistoryEntry extends PanacheEntityBase {

    /** The steps of a plan; also the {@code change} of its PlanChanged event. */
    public enum Action {
        CREATED,
        EDITED,
        /** 下达 */
        ISSUED,
        /** 备案 */
        FILED,
        ADJUSTMENT_REQUESTED,
        ADJUSTMENT_APPROVED,
        ADJUSTMENT_REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(columnDefinition = "text")
    public String note;

    @Column(name = "adjustment_id")
    public UUID adjustmentId;

    /** JSON list of {@link PlanLineValue}, for steps that set the lines. */
    @Column(columnDefinition = "text")
    public String lines;

    public static List<PlanHistoryEntry> ofPlan(UUID planId) {
        return list("planId = ?1 order by id", planId);
    }
}
