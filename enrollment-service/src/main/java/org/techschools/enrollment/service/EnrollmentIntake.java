package org.techschools.enrollment.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.IdType;
import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.messaging.Outbox;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.security.Regions;
import org.techschools.enrollment.domain.CheckStatus;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.EnrollmentSnapshot;
import org.techschools.enrollment.domain.EnrollmentStatus;
import org.techschools.enrollment.domain.EnrollmentVersion;
import org.techschools.enrollment.domain.NewEnrollmentRows;
import org.techschools.enrollment.domain.School;
import org.techschools.commons.persistence.TimeOrderedIds;

/**
 * 招生录取: takes enrollment records from school systems, idempotent on (schoolCode, sourceRecordId). The same
 * content again is UNCHANGED; new content is a CORRECTED new version whose predecessor is kept. Each stored
 * change and its event commit together (transactional outbox).
 */
@ApplicationScoped
public class EnrollmentIntake {

    public enum Outcome {
        CREATED,
        UNCHANGED,
        CORRECTED,
        REJECTED
    }

    /**
     * What happened to one pushed record.
     *
     * @param record the stored record as the push left it (null when rejected): callers answer from it without reading it
     *               again
     */
    public record Result(Outcome outcome, EnrollmentSnapshot record, List<FieldError> errors) {
        public UUID id() {
            return record == null ? null : record.id();
        }
    }

    /** One item's outcome while the push runs: a later item of the same push may still correct its record. */
    private record Stored(Outcome outcome, Enrollment record, List<FieldError> errors) {
    }

    @Inject
    EnrollmentRules rules;

    @Inject
    PersonKeys personKeys;

    @Inject
    IdNumberCipher cipher;

    @Inject
    Outbox outbox;

    @Inject
    EnrollmentHistory history;

    @Inject
    SchoolDirectory directory;

    @Inject
    Divisions divisions;

    @Inject
    SchoolSanctions sanctions;

    @Inject
    Clock clock;

    /**
     * Checks and stores a batch: every valid item is written, no invalid one; all in one transaction so a
     * failure (e.g. the database going away) stores none of them.
     *
     * @param callerSchool the token's school claim: items for another school are rejected
     */
    @Transactional
    public List<Result> submit(List<EnrollmentSubmission> items, String callerSchool) {
        // Inserts go out in JDBC batches at commit instead of being flushed before every lookup.
        Enrollment.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Map<String, School> schools = new HashMap<>();
        Stored[] results = new Stored[items.size()];
        Map<Integer, ValidEnrollment> valid = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            EnrollmentSubmission item = items.get(i);
            if (item == null) {
                results[i] = rejected(List.of(new FieldError("$", "required", "item is empty")));
            } else if (item.schoolCode() != null && !item.schoolCode().equals(callerSchool)) {
                results[i] = rejected(List.of(new FieldError("schoolCode", "school-scope",
                        "a school may push records of its own school only")));
            } else {
                School school = item.schoolCode() == null ? null : schools.computeIfAbsent(item.schoolCode(), directory::forIntake);
                EnrollmentRules.Outcome checked = rules.check(item, school);
                if (checked.valid() == null) {
                    results[i] = rejected(checked.errors());
                } else {
                    valid.put(i, checked.valid());
                }
            }
        }
        Map<String, Enrollment> stored = findStored(valid.values());
        List<Enrollment> created = new ArrayList<>();
        List<EnrollmentVersion> replaced = new ArrayList<>();
        valid.forEach((i, v) -> results[i] = store(v, stored, created, replaced));
        // The replaced versions after the new rows: one may belong to a record created earlier in this push.
        NewEnrollmentRows.insert(created);
        replaced.forEach(version -> version.persist());
        return Arrays.stream(results).map(r -> new Result(r.outcome(), r.record() == null ? null : EnrollmentSnapshot.of(r.record()),
                r.errors())).toList();
    }

    /** The records of the batch that exist already, by school and source id: their ids in one query per school. */
    private static Map<String, Enrollment> findStored(Collection<ValidEnrollment> batch) {
        Map<String, List<String>> sourceIds = batch.stream().collect(Collectors.groupingBy(v -> v.school().code,
                Collectors.mapping(ValidEnrollment::sourceRecordId, Collectors.toList())));
        Map<String, Enrollment> stored = new HashMap<>();
        sourceIds.forEach((school, ids) -> {
            List<UUID> existing = Enrollment.idsBySource(school, ids);
            // Mostly none: a push of new records loads nothing; a re-push or a correction loads its records by id.
            List<Enrollment> found = existing.isEmpty() ? List.of() : Enrollment.list("id in ?1", existing);
            found.forEach(e -> stored.put(sourceKey(e.schoolCode, e.sourceRecordId), e));
        });
        return stored;
    }

    private static String sourceKey(String schoolCode, String sourceRecordId) {
        return schoolCode + "\u0000" + sourceRecordId;
    }

    /**
     * @param created  collects the new records, written together by {@link NewEnrollmentRows} (a later item may still
     *                 correct one)
     * @param replaced collects the versions corrections replace, stored once the new records are
     */
    private Stored store(ValidEnrollment v, Map<String, Enrollment> stored, List<Enrollment> created,
            List<EnrollmentVersion> replaced) {
        String hash = sha256(v.canonicalContent());
        String key = sourceKey(v.school().code, v.sourceRecordId());
        Enrollment existing = stored.get(key);
        Instant now = clock.instant();
        // 暂停招生: a new or changed record enrolled within a suspension is refused; the same push again still answers
        // UNCHANGED, so a school retrying what was stored before the sanction gets the answer it got then.
        if (existing == null || !existing.contentHash.equals(hash)) {
            FieldError suspended = SchoolSanctions.Suspension.refusal(sanctions.suspensions(v.school().code), v.enrolledOn());
            if (suspended != null) {
                return rejected(List.of(suspended));
            }
        }
        if (existing == null) {
            Enrollment e = new Enrollment();
            e.id = TimeOrderedIds.next(clock);
            e.schoolCode = v.school().code;
            e.sourceRecordId = v.sourceRecordId();
            e.version = 1;
            e.status = EnrollmentStatus.ACTIVE;
            e.checkStatus = CheckStatus.PENDING;
            e.alertIds = "";
            e.createdAt = now;
            apply(e, v, hash, now);
            created.add(e);
            stored.put(key, e);
            publish(EnrollmentRecorded.TYPE, e, v.school());
            return new Stored(Outcome.CREATED, e, List.of());
        }
        if (existing.contentHash.equals(hash)) {
            return new Stored(Outcome.UNCHANGED, existing, List.of());
        }
        if (existing.status == EnrollmentStatus.WITHDRAWN) {
            return rejected(List.of(new FieldError("sourceRecordId", "record-withdrawn",
                    "this record was withdrawn; push a new sourceRecordId for a new enrollment")));
        }
        replaced.add(history.currentVersion(existing, now));
        existing.version++;
        apply(existing, v, hash, now);
        publish(EnrollmentRecorded.CORRECTED, existing, v.school());
        return new Stored(Outcome.CORRECTED, existing, List.of());
    }

    private void apply(Enrollment e, ValidEnrollment v, String hash, Instant now) {
        e.contentHash = hash;
        e.personKey = personKeys.personKey(v.idType().name(), v.idNumber());
        e.idType = v.idType();
        e.idNumberEncrypted = cipher.encrypt(v.idNumber());
        e.idNumberMasked = PersonKeys.mask(v.idNumber());
        e.name = v.name();
        e.gender = v.gender();
        e.birthDate = v.birthDate();
        e.majorCode = v.majorCode();
        e.classLevel = v.classLevel();
        e.studyMode = v.studyMode();
        e.intakeYear = v.intakeYear();
        e.intakeSeason = v.intakeSeason();
        e.enrolledOn = v.enrolledOn();
        e.sourceCategory = v.sourceCategory();
        e.originRegion = v.originRegion();
        e.priorityFlags = String.join(",", v.priorityFlags());
        e.employer = v.employer();
        e.provinceCode = v.school().provinceCode;
        e.cityCode = v.school().cityCode;
        e.updatedAt = now;
    }

    private void publish(String eventType, Enrollment e, School school) {
        outbox.append(Topics.ENROLLMENT_EVENTS, eventType, EnrollmentRecorded.schemaVersion(e.classLevel), e.personKey,
                new EnrollmentRecorded(e.id, e.schoolCode, e.sourceRecordId, e.version, e.personKey, e.idType,
                        e.idNumberMasked, e.name, e.gender, e.birthDate, e.majorCode, e.classLevel, e.studyMode, e.intakeYear,
                        e.intakeSeason, e.enrolledOn, e.sourceCategory, eventOrigin(e), e.priorityFlagList(), e.employer,
                        e.provinceCode, e.cityCode, school.type, school.provincial, e.updatedAt).minimised());
    }

    /**
     * 生源地 as the event carries it: the record's own, or where the school left it out the city of the resident ID in
     * today's divisions (a withdrawn one through its successor), so that leaving the field out cannot evade the
     * cross-city recruitment check. City level only: the digits the mask shows anyway.
     */
    private String eventOrigin(Enrollment e) {
        if (e.originRegion != null || e.idType != IdType.RESIDENT_ID) {
            return e.originRegion;
        }
        return divisions.currentCity(Regions.city(e.idNumberMasked), e.birthDate);
    }

    private static Stored rejected(List<FieldError> errors) {
        return new Stored(Outcome.REJECTED, null, errors);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
