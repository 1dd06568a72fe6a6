package org.techschools.registration.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.ClassLevel;

/** A major a school filed (专业目录备案), with the class levels it is filed for, as {@code SchoolUpserted} carries it. */
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

    @Column(nullable = false)
    public String name;

    /** {@link ClassLevel} names. */
    @Column(nullable = false)
    public String[] levels;

    public static List<SchoolMajor> ofSchool(String schoolCode) {
        return list("schoolCode", schoolCode);
    }

    /** Whether the school filed this major for this class level. */
    public static boolean filed(String schoolCode, String majorCode, ClassLevel level) {
        SchoolMajor major = findById(new Key(schoolCode, majorCode));
        return major != null && Arrays.asList(major.levels).contains(level.name());
    }

    /** The composite id: school and major code. */
    public static class Key implements Serializable {

        public String schoolCode;
        public String majorCode;

        public Key() {
        }

        public Key(String schoolCode, String majorCode) {
            this.schoolCode = schoolCode;
            this.majorCode = majorCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(majorCode, k.majorCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, majorCode);
        }
    }
}
