package org.techschools.quota.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.persistence.PlainSql;

/**
 * The last applied state of one enrollment record (招生录取记录), from {@code enrollment-events}. It remembers in
 * which counter the record is counted, so a correction moves it and a withdrawal removes it exactly once.
 * A withdrawal that arrives before its record leaves an inactive row holding only the version (a tombstone).
 */
@Entity
@Table(name = "enrollment_fact")
public class EnrollmentFact extends PanacheEntityBase {

    @Id
    @Column(name = "enrollment_id")
    public UUID enrollmentId;

    /** The record's version at enrollment-service; older events are ignored. */
    @Column(nullable = false)
    public int version;

    /** The school the record counts at: the enrolling school, or the receiving one after a transfer (转学). */
    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** The school that enrolled the person, once a transfer moved the record away from it; null until then. */
    @Column(name = "enrolling_school_code")
    public String enrollingSchoolCode;

    /** The school's own id of the record: with schoolCode, how alerts name it to the school. */
    @Column(name = "source_record_id")
    public String sourceRecordId;

    /** {@link org.techschools.commons.domain.SchoolType} name as the event carried it. */
    @Column(name = "school_type")
    public String schoolType;

    /** 省属 school, as the event carried it. */
    @Column(name = "school_provincial")
    public Boolean schoolProvincial;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "city_code")
    public String cityCode;

    @Column(name = "major_code")
    public String majorCode;

    @Column(name = "class_level")
    public String classLevel;

    @Column(name = "study_mode")
    public String studyMode;

    @Column(name = "intake_year")
    public Integer intakeYear;

    @Column(name = "intake_season")
    public String intakeSeason;

    /** yyyy-MM of the enrolment date: the month of the 进展表 the record counts in. */
    @Column(name = "enrolled_month")
    public String enrolledMonth;

    @Column(name = "source_category")
    public String sourceCategory;

    /** Comma-separated, e.g. 脱贫家庭. */
    @Column(name = "priority_flags")
    public String priorityFlags;

    @Column(name = "origin_region")
    public String originRegion;

    /** Counted in {@code enrollment_counter}: recorded and not withdrawn. */
    @Column(nullable = false)
    public boolean active;

    /** The counter cell this record is counted in (meaningful when active). */
    public CounterKey counterKey() {
        return new CounterKey(schoolCode, provinceCode, cityCode, majorCode, classLevel, studyMode, intakeYear,
                intakeSeason, enrolledMonth);
    }

    /**
     * Transaction-scoped advisory locks on the enrollment ids, taken in one statement and in id order so that two
     * transactions locking several ids cannot deadlock on them: the enrollment and registration paths serialise on
     * them, so neither misses the other's uncommitted row.
     */
    public static void lock(Collection<UUID> enrollmentIds) {
        List<Long> keys = enrollmentIds.stream().map(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .sorted().distinct().toList();
        PlainSql.list("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?::int8[]) AS k", row -> row.getLong(1),
                PlainSql.array("int8", keys));
    }

    /**
     * The cells of the plan's school and year (major and class level, over both study modes) that have active
     * enrollment: those to compare with the plan again when its lines bind anew.
     */
    public static List<CounterKey> activeCellsOf(EnrollmentPlan plan) {
        return PlainSql.list("""
                SELECT DISTINCT major_code, class_level FROM enrollment_fact
                WHERE active AND school_code = ? AND intake_year = ?""",
                row -> new CounterKey(plan.schoolCode, plan.provinceCode, plan.cityCode, row.getString(1), row.getString(2),
                        null, plan.year, null, null),
                plan.schoolCode, plan.year);
    }
}
