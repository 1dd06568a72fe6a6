package org.techschools.registration.domain;

import org.techschools.commons.persistence.PlainSql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;

/**
 * 学籍: one person's registration at one school for one stint, created from an enrollment record.
 * The person is known only by the personKey (HMAC of the ID number) and the masked ID.
 */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * The enrollment record of enrollment-service this 学籍 was created from; a 学籍 created by a transfer (转入) keeps
     * the record of the one it continues.
     */
    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    /** The record's version we last applied; older versions arriving late are ignored. */
    @Column(name = "enrollment_version", nullable = false)
    public int enrollmentVersion;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "source_record_id", nullable = false)
    public String sourceRecordId;

    @Column(name = "person_key", nullable = false)
    public String personKey;

    @Column(name = "id_number_masked", nullable = false)
    public String idNumberMasked;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "study_mode", nullable = false)
    public StudyMode studyMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "class_level", nullable = false)
    public ClassLevel classLevel;

    @Column(name = "major_code", nullable = false)
    public String majorCode;

    @Column(name = "intake_year", nullable = false)
    public int intakeYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "intake_season", nullable = false)
    public IntakeSeason intakeSeason;

    @Column(name = "enrolled_on", nullable = false)
    public LocalDate enrolledOn;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "city_code", nullable = false)
    public String cityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * When the 学籍 ended (退学, 毕业, 注销, 转出): an alert view tells auditors of a record that ended within days of
     * the alert it caused, the trace a school probing someone else's ID number leaves. Null while it has not ended.
     */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** When the school first pushed the record (its recordedAt): the 学籍 registration time compared with deadlines. */
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * Its {@code LookalikeKeys}: a 学籍 of someone born the same day with the same gender and an alike name shares one,
     * so the fuzzy check looks up only those. Null on 学籍 stored before the column existed; those are read by block.
     */
    @Column(name = "lookalike_keys")
    public long[] lookalikeKeys;

    /** The 学籍 at the old school this one continues after an approved transfer (转学); null when enrolled here. */
    @Column(name = "transferred_from")
    public UUID transferredFrom;

    /** The 学籍 at the receiving school that continues this one (TRANSFERRED_OUT); null while this is the current one. */
    @Column(name = "transferred_to")
    public UUID transferredTo;

    /** The number of the certificate (毕业证书) its graduation issued; null until it graduated. */
    @Column(name = "certificate_number")
    public String certificateNumber;

    /** The record's current 学籍: after transfers, the one at the school the person is at now. */
    public static Optional<Registration> byEnrollment(UUID enrollmentId) {
        return PlainSql.list("SELECT id FROM registration WHERE enrollment_id = ? AND transferred_to IS NULL", PlainSql::uuid,
                enrollmentId).stream()
                .map(id -> Registration.<Registration> findById(id)).findFirst();
    }

    /** Which of these enrollment records have a 学籍 already: one round trip for a polled batch of events. */
    public static Set<UUID> registeredAmong(Collection<UUID> enrollmentIds) {
        return new HashSet<>(PlainSql.list("SELECT enrollment_id FROM registration WHERE enrollment_id = ANY (?::uuid[])"
                + " AND transferred_to IS NULL",
                PlainSql::uuid, (Object) enrollmentIds.stream().map(UUID::toString).toArray(String[]::new)));
    }

    /** When and how a 学籍 ended. */
    public record End(RegistrationStatus status, Instant at) {
    }

    /** The ends of those of these records' current 学籍 that have ended, by enrollment id. */
    public static Map<UUID, End> endsOf(Collection<UUID> enrollmentIds) {
        record Row(UUID enrollmentId, End end) {
        }
        return enrollmentIds.isEmpty() ? Map.of()
                : PlainSql.list("SELECT enrollment_id, status, ended_at FROM registration"
                        + " WHERE enrollment_id = ANY (?::uuid[]) AND ended_at IS NOT NULL AND transferred_to IS NULL",
                        r -> new Row(r.getObject(1, UUID.class),
                                new End(RegistrationStatus.valueOf(r.getString(2)), r.getObject(3, OffsetDateTime.class).toInstant())),
                        (Object) enrollmentIds.stream().map(UUID::toString).toArray(String[]::new))
                        .stream().collect(Collectors.toMap(Row::enrollmentId, Row::end));
    }

    /** Those of these person keys that hold an ACTIVE 学籍 now. */
    public static Set<String> holdingActive(Collection<String> personKeys) {
        return new HashSet<>(PlainSql.list("SELECT DISTINCT person_key FROM registration WHERE person_key = ANY (?)"
                + " AND status = 'ACTIVE'", r -> r.getString(1), (Object) personKeys.toArray(String[]::new)));
    }

    /** The person's other 在籍 学籍: the only ones a new 学籍 can conflict with. */
    public static List<Registration> otherActiveOf(Registration registration) {
        return PlainSql.list("SELECT id FROM registration WHERE person_key = ? AND status = 'ACTIVE' AND id <> ?"
                + " ORDER BY registered_at, id", PlainSql::uuid, registration.personKey, registration.id).stream()
                .map(id -> Registration.<Registration> findById(id)).toList();
    }

    /**
     * Notes when the 学籍 ended, on the write that ends it: every change of status (the registry's lifecycle, withdrawn
     * enrollments, transfers) is written through this entity, and an ended status never changes again.
     */
    @PreUpdate
    void noteEnd() {
        if (endedAt == null && status.ended()) {
            endedAt = updatedAt;
        }
    }

    /** 学籍 that have ended: 退学, 毕业, 注销, 转出. An ended 学籍 conflicts with nothing any more. */
    public boolean hasEnded() {
        return status.ended();
    }

    public boolean isActive() {
        return status == RegistrationStatus.ACTIVE;
    }
}
