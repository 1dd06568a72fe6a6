package org.techschools.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 学校名录变更记录: one creation of or change to a school — who (token name), acting in which role, when, and each field
 * that changed with its value before and after. Written in the transaction of the change.
 */
@Entity
@Table(name = "school_change")
public class SchoolChange extends PanacheEntityBase {

    public enum Kind {
        CREATED, UPDATED
    }

    /** One field's value before and after the change (before is null for a new school). */
    public record FieldChange(String field, Object before, Object after) {
    }

    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FieldChange> changes;
}
