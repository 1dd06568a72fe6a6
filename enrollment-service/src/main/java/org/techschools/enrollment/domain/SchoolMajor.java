package org.techschools.enrollment.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.ClassLevel;

/** A major of a school's filed catalogue (专业目录备案) and the class levels it is filed for. */
@Entity
@Table(name = "school_major")
@IdClass(SchoolMajor.Key.class)
public class SchoolMajor extends PanacheEntityBase {

    @Id
    @ManyToOne
    @JoinColumn(name = "school_code")
    public School school;

    @Id
    @Column(name = "major_code")
    public String majorCode;

    @Column(name = "major_name", nullable = false)
    public String majorName;

    /** Comma-separated {@link ClassLevel} names. */
    @Column(nullable = false)
    public String levels;

    public List<ClassLevel> levelList() {
        return Arrays.stream(levels.split(",")).map(ClassLevel::valueOf).toList();
    }

    public static class Key implements Serializable {
        public String school;
        public String majorCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(school, k.school) && Objects.equals(majorCode, k.majorCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(school, majorCode);
        }
    }
}
