package org.techschools.enrollment.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;

import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.enrollment.domain.SanctionKind;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.domain.SchoolSanction;

/**
 * 处理处罚 (docs/DOMAIN.md#sanctions-and-disclosure): a province office records sanctions against the schools of its
 * province; they are public on the school list, and one that suspends enrollment (暂停招生) refuses the school's
 * records enrolled within its period.
 */
@ApplicationScoped
public class SchoolSanctions {

    /** A school's enrollment suspensions as the intake checks records against them. */
    static final String INTAKE_SUSPENSIONS = "intake-suspensions";
    /** Sanctions are decided on Chinese calendar days. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_DECISION_NUMBER = 100;
    private static final int MAX_AUTHORITY = 200;

    /** An enrollment suspension (暂停招生): the decision and the days it covers, both included. */
    public record Suspension(SanctionKind kind, String decisionNumber, LocalDate from, LocalDate until) {

        /**
         * The intake's refusal of a record enrolled on {@code enrolledOn} (422 naming the sanction), or null when no
         * suspension covers the day.
         */
        public static FieldError refusal(List<Suspension> suspensions, LocalDate enrolledOn) {
            return suspensions.stream().filter(s -> !enrolledOn.isBefore(s.from()) && !enrolledOn.isAfter(s.until()))
                    .findFirst()
                    .map(s -> new FieldError("enrolledOn", "school-suspended", "the school is suspended from enrolling from "
                            + s.from() + " to " + s.until() + " by decision " + s.decisionNumber() + " (" + s.kind().label + ")"))
                    .orElse(null);
        }
    }

    @Inject
    Clock clock;

    @Inject
    Event<SchoolDirectory.Changed> changed;

    @CacheName(INTAKE_SUSPENSIONS)
    Cache intakeSuspensions;

    /**
     * Records a sanction against a school of the caller's province: 404 for an unknown school, 403 for one of another
     * province, 400/422 naming field and rule for a broken request, 409 when the decision was recorded for that kind.
     */
    @Transactional
    public Sanction record(String schoolCode, SanctionOrder r, CallerScope caller) {
        // Locked: two posts of one decision are checked for the duplicate one after the other.
        School school = School.findById(schoolCode, LockModeType.PESSIMISTIC_WRITE);
        if (school == null) {
            throw ProblemException.notFound("school");
        }
        if (!caller.covers(school.provinceCode, school.cityCode, school.code)) {
            throw ProblemException.forbidden("the school is outside the caller's scope",
                    List.of(new FieldError("code", "school-outside-scope", "the school is in another province")));
        }
        SchoolSanction sanction = validated(r);
        if (SchoolSanction.count("schoolCode = ?1 and decisionNumber = ?2 and kind = ?3", schoolCode, sanction.decisionNumber,
                sanction.kind) > 0) {
            throw ProblemException.conflict("this decision was recorded against the school for this kind before",
                    List.of(new FieldError("decisionNumber", "duplicate-sanction", "the decision is recorded for this kind already")));
        }
        sanction.id = UUID.randomUUID();
        sanction.schoolCode = schoolCode;
        sanction.recordedAt = clock.instant();
        sanction.recordedBy = caller.name();
        sanction.persist();
        // The public list shows sanctions and the intake checks suspensions: both are dropped once this commits.
        changed.fire(new SchoolDirectory.Changed(schoolCode));
        return Sanction.of(sanction, today());
    }

    /** A school's sanctions, newest first; 404 as for the school itself when the caller may not see it. */
    @Transactional
    public List<Sanction> of(String schoolCode, CallerScope caller) {
        School school = School.findById(schoolCode);
        if (school == null || !caller.covers(school.provinceCode, school.cityCode, school.code)) {
            throw ProblemException.notFound("school");
        }
        LocalDate today = today();
        return SchoolSanction.<SchoolSanction>list("schoolCode = ?1 order by validFrom desc, decidedOn desc, id", schoolCode).stream()
                .map(s -> Sanction.of(s, today)).toList();
    }

    /** The sanctions of these schools, newest first, by school: one query for a whole public list. */
    public Map<String, List<SchoolSanction>> ofSchools(Collection<String> schoolCodes) {
        if (schoolCodes.isEmpty()) {
            return Map.of();
        }
        return SchoolSanction.<SchoolSanction>list("schoolCode in ?1 order by validFrom desc, decidedOn desc, id", schoolCodes)
                .stream().collect(Collectors.groupingBy(s -> s.schoolCode));
    }

    /** Today in China, the day a sanction's period is current on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * The school's enrollment suspensions (cached: every push asks, and sanctions are rare). A new sanction drops the
     * entry after it commits; the expiry bounds how long another instance may still accept a suspended school's record.
     */
    @CacheResult(cacheName = INTAKE_SUSPENSIONS)
    @Transactional
    public List<Suspension> suspensions(String schoolCode) {
        return SchoolSanction.<SchoolSanction>list("schoolCode = ?1 and suspendsEnrollment = true", schoolCode).stream()
                .map(s -> new Suspension(s.kind, s.decisionNumber, s.validFrom, s.validUntil)).toList();
    }

    void dropCachedSuspensions(@Observes(during = TransactionPhase.AFTER_SUCCESS) SchoolDirectory.Changed change) {
        intakeSuspensions.invalidate(change.schoolCode()).await().indefinitely();
    }

    private SchoolSanction validated(SanctionOrder r) {
        List<FieldError> structural = new ArrayList<>();
        List<FieldError> rules = new ArrayList<>();
        SchoolSanction s = new SchoolSanction();
        if (r.kind() == null || r.kind().isBlank()) {
            structural.add(new FieldError("kind", "required", "kind is required"));
        } else {
            s.kind = Arrays.stream(SanctionKind.values()).filter(k -> k.name().equals(r.kind().strip())).findFirst().orElse(null);
            if (s.kind == null) {
                structural.add(new FieldError("kind", "enum", "kind must be one of " + Arrays.toString(SanctionKind.values())));
            }
        }
        s.decisionNumber = text(structural, rules, "decisionNumber", r.decisionNumber(), MAX_DECISION_NUMBER);
        s.authority = text(structural, rules, "authority", r.authority(), MAX_AUTHORITY);
        s.decidedOn = date(structural, "decidedOn", r.decidedOn());
        s.validFrom = date(structural, "from", r.from());
        s.validUntil = date(structural, "until", r.until());
        s.suspendsEnrollment = Boolean.TRUE.equals(r.suspendsEnrollment());
        if (s.validFrom != null && s.validUntil != null && s.validUntil.isBefore(s.validFrom)) {
            rules.add(new FieldError("until", "until-before-from", "until must not be before from"));
        }
        if (s.decidedOn != null && s.decidedOn.isAfter(today())) {
            rules.add(new FieldError("decidedOn", "decided-in-future", "a sanction is recorded once it was decided"));
        }
        if (!structural.isEmpty()) {
            throw ProblemException.badRequest(structural);
        }
        if (!rules.isEmpty()) {
            throw ProblemException.unprocessable(rules);
        }
        return s;
    }

    /** Required free text; it is published, so one holding an ID number is refused (422), never echoed. */
    private static String text(List<FieldError> structural, List<FieldError> rules, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            structural.add(new FieldError(field, "required", field + " is required"));
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            structural.add(new FieldError(field, "max-length", field + " is longer than " + max));
            return null;
        }
        if (IdNumberShape.foundIn(text)) {
            rules.add(IdNumberShape.error(field));
            return null;
        }
        return text;
    }

    private static LocalDate date(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date-format", field + " must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
