package org.techschools.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 身份证号查看超限预警: a person (token subject) asked for more ID number reveals in a day than the limit allows. One row
 * per person and day, for the national centre; {@code refused} counts the reveals refused that day.
 */
@Entity
@Table(name = "reveal_limit_alert")
public class RevealLimitAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public String role;

    /** The token's region claim (the auditor's or province office's region); null for a national auditor. */
    public String region;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "daily_limit", nullable = false)
    public int dailyLimit;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(nullable = false)
    public int refused;

    @Column(name = "last_refused_at", nullable = false)
    public Instant lastRefusedAt;
}
