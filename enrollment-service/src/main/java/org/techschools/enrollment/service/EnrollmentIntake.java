package org.techschools.enrollment.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.EnrollmentRecorded;
import org.techschools.commons.identity.PersonKeys;
import org.techschools.commons.messaging.Outbox;
import org.techschools.commons.rest.FieldError;
import org.techschools.enrollment.domain.CheckStatus;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.EnrollmentStatus;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.rest.EnrollmentRequest;

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

    /** What happened to one pushed record. */
    public record Result(Outcome outcome, UUID id, List<FieldError> errors) {
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

    /**
     * Checks and stores a batch: every valid item is written, no invalid one; all in one transaction so a
     * failure (e.g. the database going away) stores none of them.
     *
     * @param callerSchool the token's school claim: items for another school are rejected
     */
    @Transactional
    public List<Result> submit(List<EnrollmentRequest> items, String callerSchool) {
        Map<String, School> schools = new HashMap<>();
        List<Result> results = new ArrayList<>(items.size());
        for (EnrollmentRequest item : items) {
            if (item == null) {
                results.add(rejected(List.of(new FieldError("$", "required", "item is empty"))));
                continue;
            }
            if (item.schoolCode() != null && !item.schoolCode().equals(callerSchool)) {
                results.add(rejected(List.of(new FieldError("schoolCode", "school-scope",
                        "a school may push records of its own school only"))));
                continue;
            }
            School school = item.schoolCode() == null ? null
                    : schools.computeIfAbsent(item.schoolCode(), code -> School.findById(code));
            EnrollmentRules.Outcome checked = rules.check(item, school);
            results.add(checked.valid() == null ? rejected(checked.errors()) : store(checked.valid()));
        }
        return results;
    }

    private Result store(ValidEnrollment v) {
        String hash = sha256(v.canonicalContent());
        Enrollment existing = Enrollment.findBySource(v.school().code, v.sourceRecordId());
        Instant now = Instant.now();
        if (existing == null) {
            Enrollment e = new Enrollment();
            e.id = UUID.randomUUID();
            e.schoolCode = v.school().code;
            e.sourceRecordId = v.sourceRecordId();
            e.version = 1;
            e.status = EnrollmentStatus.ACTIVE;
            e.checkStatus = CheckStatus.PENDING;
            e.alertIds = "";
            e.createdAt = now;
            apply(e, v, hash, now);
            e.persist();
            publish(EnrollmentRecorded.TYPE, e);
            return new Result(Outcome.CREATED, e.id, List.of());
        }
        if (existing.contentHash.equals(hash)) {
            return new Result(Outcome.UNCHANGED, existing.id, List.of());
        }
        if (existing.status == EnrollmentStatus.WITHDRAWN) {
            return rejected(List.of(new FieldError("sourceRecordId", "record-withdrawn",
                    "this record was withdrawn; push a new sourceRecordId for a new enrollment")));
        }
        history.keepCurrentVersion(existing, now);
        existing.version++;
        apply(existing, v, hash, now);
        publish(EnrollmentRecorded.CORRECTED, existing);
        return new Result(Outcome.CORRECTED, existing.id, List.of());
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

    private void publish(String eventType, Enrollment e) {
        School school = School.findById(e.schoolCode);
        outbox.append(Topics.ENROLLMENT_EVENTS, eventType, e.personKey, new EnrollmentRecorded(e.id, e.schoolCode,
                e.sourceRecordId, e.version, e.personKey, e.idType, e.idNumberMasked, e.name, e.gender, e.birthDate, e.majorCode,
                e.classLevel, e.studyMode, e.intakeYear, e.intakeSeason, e.enrolledOn, e.sourceCategory, e.originRegion,
                e.priorityFlagList(), e.employer, e.provinceCode, e.cityCode, school.type, school.provincial, e.updatedAt));
    }

    private static Result rejected(List<FieldError> errors) {
        return new Result(Outcome.REJECTED, null, errors);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
