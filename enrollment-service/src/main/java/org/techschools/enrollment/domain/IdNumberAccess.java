package org.techschools.enrollment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 身份证号查看记录: one reveal of a full ID number — who (token name), in which role, when, why, and of which
 * record. Written in the same transaction as the reveal; never updated or deleted.
 */
@Entity
@Table(name = "id_number_access")
public class IdNumberAccess extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** The record's province: a province office sees the reveals of its own records. */
    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public String role;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    @Column(nullable = false)
    public String reason;
}
