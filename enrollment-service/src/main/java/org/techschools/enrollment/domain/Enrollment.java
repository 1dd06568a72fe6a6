package org.techschools.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.persistence.PlainSql;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IdType;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;

/**
 * 招生录取记录: one enrollment as pushed by a school's information system, identified by
 * (schoolCode, sourceRecordId). The ID number is stored only encrypted; everything else sees the personKey.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "source_record_id", nullable = false)
    public String sourceRecordId;

    /** 1 when created; each correction or withdrawal adds one. */
    @Column(nullable = false)
    public int version;

    /** SHA-256 of the normalised content: the same push again is recognised as unchanged. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrollmentStatus status;

    @Column(name = "person_key", nullable = false)
    public String personKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", nullable = false)
    public IdType idType;

    @Column(name = "id_number_encrypted", nullable = false)
    public byte[] idNumberEncrypted;

    @Column(name = "id_number_masked", nullable = false)
    public String idNumberMasked;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "major_code", nullable = false)
    public String majorCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "class_level", nullable = false)
    public ClassLevel classLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "study_mode", nullable = false)
    public StudyMode studyMode;

    @Column(name = "intake_year", nullable = false)
    public int intakeYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "intake_season", nullable = false)
    public IntakeSeason intakeSeason;

    @Column(name = "enrolled_on", nullable = false)
    public LocalDate enrolledOn;

    @Column(name = "source_category")
    public String sourceCategory;

    @Column(name = "origin_region")
    public String originRegion;

    /** Comma-separated priority flags (脱贫家庭, 防返贫监测对象, 订单班). */
    @Column(name = "priority_flags", nullable = false)
    public String priorityFlags;

    public String employer;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_status", nullable = false)
    public CheckStatus checkStatus;

    /** Comma-separated ids of the open alerts naming this record, as registration-service last reported. */
    @Column(name = "alert_ids", nullable = false)
    public String alertIds;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Enrollment findBySource(String schoolCode, String sourceRecordId) {
        return find("schoolCode = ?1 and sourceRecordId = ?2", schoolCode, sourceRecordId).firstResult();
    }

    /**
     * The ids of a school's records among these source ids. Plain SQL with the source ids as one array parameter: one
     * statement for every batch size, where an IN list read far more of the table; planned per call, as a plan cached
     * while the table was small grows with it (figures in docs/decisions/0001-array-lookups-planned-per-call.md).
     */
    public static List<UUID> idsBySource(String schoolCode, List<String> sourceRecordIds) {
        return PlainSql.list("SELECT id FROM enrollment WHERE school_code = ? AND source_record_id = ANY (?)", PlainSql::uuid,
                schoolCode, PlainSql.array("varchar", sourceRecordIds));
    }

    /** A registration check's result for one record, as registration-service reported it. */
    public record CheckResult(UUID enrollmentId, CheckStatus status, List<UUID> alertIds, Instant checkedAt) {
    }

    /**
     * Stores check results with one UPDATE for the batch. Results can overtake each other across partitions (alerts
     * between different persons): the newest stays. Only the check columns change, so a correction committed meanwhile
     * keeps its fields.
     */
    public static void recordCheckResults(Collection<CheckResult> results) {
        PlainSql.bulk("""
                UPDATE enrollment e SET check_status = c.status, alert_ids = c.alert_ids, checked_at = c.checked_at::timestamptz
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS c (id, status, alert_ids, checked_at)
                WHERE e.id = c.id::uuid AND (e.checked_at IS NULL OR e.checked_at < c.checked_at::timestamptz)""",
                List.of("varchar", "varchar", "varchar", "varchar"),
                results.stream().map(r -> new Object[] { r.enrollmentId().toString(), r.status().name(),
                        r.alertIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(",")),
                        r.checkedAt().toString() }).toList());
    }

    public List<String> priorityFlagList() {
        return priorityFlags.isEmpty() ? List.of() : Arrays.asList(priorityFlags.split(","));
    }

    public List<String> alertIdList() {
        return alertIds.isEmpty() ? List.of() : Arrays.asList(alertIds.split(","));
    }
}
