package org.techschools.enrollment.domain;

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

/**
 * 处理处罚: a sanction a province office recorded against a school — what for, the decision (文号, 决定机关, date), the
 * period it runs (both days included) and whether it suspends enrollment (暂停招生) for that period.
 */
@Entity
@Table(name = "school_sanction")
public class SchoolSanction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SanctionKind kind;

    /** 文号, e.g. 浙人社发〔2026〕12号. */
    @Column(name = "decision_number", nullable = false)
    public String decisionNumber;

    /** 决定机关: the office that decided. */
    @Column(nullable = false)
    public String authority;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "suspends_enrollment", nullable = false)
    public boolean suspendsEnrollment;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The token name of the province official who recorded it. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** Whether the period includes the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
