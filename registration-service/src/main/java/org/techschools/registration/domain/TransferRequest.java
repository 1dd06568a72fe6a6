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

/** 转学申请: a school asks to transfer a 学籍 out to another school; the province approves or rejects it. */
@Entity
@Table(name = "transfer_request")
public class TransferRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "registration_id", nullable = false)
    public UUID registrationId;

    @Column(name = "from_school_code", nullable = false)
    public String fromSchoolCode;

    @Column(name = "to_school_code", nullable = false)
    public String toSchoolCode;

    /** Where the 学籍 is: decides which province decides and who sees the request. */
    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransferStatus status;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    public String reason;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}
