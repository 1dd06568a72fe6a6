package org.techschools.quota.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 调整申请: a request to change an issued plan. Plans may not be changed at will (不得随意调整招生计划); the request
 * carries the lines the plan would have afterwards and the reason, and takes effect only when the province approves.
 */
@Entity
@Table(name = "plan_adjustment")
public class PlanAdjustment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdjustmentStatus status;

    /** The proposed lines as JSON (a list of {@link PlanLineValue}): kept as asked, whatever the plan becomes. */
    @Column(nullable = false, columnDefinition = "text")
    public String lines;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note", columnDefinition = "text")
    public String decisionNote;
}
