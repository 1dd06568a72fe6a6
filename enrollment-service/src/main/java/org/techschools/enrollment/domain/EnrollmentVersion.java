package org.techschools.enrollment.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An earlier version of a corrected or withdrawn enrollment, as JSON with the ID masked (更正历史). */
@Entity
@Table(name = "enrollment_version")
@IdClass(EnrollmentVersion.Key.class)
public class EnrollmentVersion extends PanacheEntityBase {

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    @Id
    public int version;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    public static class Key implements Serializable {
        public UUID enrollmentId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(enrollmentId, k.enrollmentId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(enrollmentId, version);
        }
    }
}
