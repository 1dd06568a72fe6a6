package org.techschools.quota.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * 专业目录备案: one major of a school's filed catalogue at one class level, from SchoolUpserted. A plan line may only
 * name a major filed at its level.
 */
@Entity
@Table(name = "school_major")
@IdClass(SchoolMajor.Key.class)
public class SchoolMajor extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "major_code")
    public String majorCode;

    @Id
    @Column(name = "class_level")
    public String classLevel;

    @Column(name = "major_name", nullable = false)
    public String majorName;

    public static List<SchoolMajor> ofSchool(String schoolCode) {
        return list("schoolCode", schoolCode);
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String majorCode;
        public String classLevel;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(majorCode, k.majorCode)
                    && Objects.equals(classLevel, k.classLevel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, majorCode, classLevel);
        }
    }
}
