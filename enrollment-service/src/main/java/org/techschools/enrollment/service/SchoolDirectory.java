package org.techschools.enrollment.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.domain.Topics;
import org.techschools.commons.events.SchoolUpserted;
import org.techschools.commons.messaging.Outbox;
import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.domain.SchoolChange;
import org.techschools.enrollment.domain.SchoolMajor;
import org.techschools.enrollment.domain.SchoolSanction;

/**
 * 学校名录: creates and updates schools with their filed majors, within the caller's authority, records each change in
 * the school's history and publishes it on {@code school-events}, where quota-service and registration-service keep
 * their own copies.
 */
@ApplicationScoped
public class SchoolDirectory {

    /** 招生资质信息公开: the public list of qualified schools per (province, year). */
    static final String PUBLIC_SCHOOLS = "public-schools";

    /** Fired inside the transaction that changed a school; the public list is dropped once it committed. */
    record Changed(String schoolCode) {
    }

    @Inject
    Divisions divisions;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Event<Changed> changed;

    @Inject
    SchoolSanctions sanctions;

    private static final int MAX_BROCHURE_URL = 500;
    private static final int MAX_HOTLINE = 64;
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-,/ 转]{3,64}");

    /** The schools as the intake checks records against them, with their filed majors. */
    static final String INTAKE_SCHOOLS = "intake-schools";

    @CacheName(PUBLIC_SCHOOLS)
    Cache publicSchools;

    @CacheName(INTAKE_SCHOOLS)
    Cache intakeSchools;

    /** The schools of a province qualified to enroll in {@code year}, with their filed majors (cached). */
    @CacheResult(cacheName = PUBLIC_SCHOOLS)
    public List<SchoolProfile> qualified(String provinceCode, int year) {
        List<School> schools = School.<School>list("provinceCode = ?1 order by cityCode, code", provinceCode).stream()
                .filter(s -> s.qualifiedFor(year)).toList();
        Map<String, List<SchoolSanction>> sanctioned = sanctions.ofSchools(schools.stream().map(s -> s.code).toList());
        LocalDate today = sanctions.today();
        return schools.stream().map(s -> SchoolProfile.of(s, sanctioned.getOrDefault(s.code, List.of()), today)).toList();
    }

    /** One school with its sanctions; 404 when absent or outside the caller's scope. */
    public SchoolProfile profile(String code, CallerScope caller) {
        School school = School.findById(code);
        if (school == null || !caller.covers(school.provinceCode, school.cityCode, school.code)) {
            throw ProblemException.notFound("school");
        }
        return profile(school);
    }

    private SchoolProfile profile(School school) {
        return SchoolProfile.of(school, sanctions.ofSchools(List.of(school.code)).getOrDefault(school.code, List.of()),
                sanctions.today());
    }

    /**
     * A school with its filed majors as the intake checks a pushed record against them (null when unknown). Every push
     * reads it and a school changes rarely, so it is cached: read-only, and detached once its loading transaction
     * ends (the intake only reads its fields and majors). A change drops it after commit.
     */
    @CacheResult(cacheName = INTAKE_SCHOOLS)
    public School forIntake(String code) {
        return School.findWithMajors(code);
    }

    /**
     * After commit, not before: a reader between an early invalidation and the commit would cache the old directory
     * again. A reader still computing when this runs loses its entry with the rest.
     */
    void dropCachedSchools(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        publicSchools.invalidateAll().await().indefinitely();
        intakeSchools.invalidate(change.schoolCode()).await().indefinitely();
    }

    /** @return true when the school was created, false when an existing one was updated */
    @Transactional
    public boolean upsert(SchoolEntry r, CallerScope caller) {
        List<FieldError> structural = new ArrayList<>();
        List<FieldError> rules = new ArrayList<>();
        validate(r, structural, rules);
        if (!structural.isEmpty()) {
            throw ProblemException.badRequest(structural);
        }
        if (!rules.isEmpty()) {
            throw ProblemException.unprocessable(rules);
        }
        // Locked: concurrent changes of one school are recorded one after the other, each "before" the previous "after".
        School school = School.findById(r.code(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = school == null;
        requireAuthority(school, r, caller);
        Map<String, Object> before = created ? Map.of() : state(school);
        if (created) {
            school = new School();
            school.code = r.code();
        }
        school.name = r.name().strip();
        school.type = SchoolType.valueOf(r.type());
        school.provinceCode = r.provinceCode();
        school.cityCode = r.cityCode();
        school.provincial = Boolean.TRUE.equals(r.provincial());
        school.ownership = r.ownership();
        school.hotline = r.hotline();
        school.brochureUrl = blankToNull(r.brochureUrl());
        school.complaintHotline = blankToNull(r.complaintHotline());
        school.qualifiedYears = r.qualifiedYears().stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
        school.updatedAt = clock.instant();
        school.updatedBy = caller.name();
        replaceMajors(school, r.majors());
        if (created) {
            school.persist();
        }
        record(school, created, before, caller);
        SchoolUpserted event = toEvent(school);
        outbox.append(Topics.SCHOOL_EVENTS, SchoolUpserted.TYPE, SchoolUpserted.schemaVersion(event), school.code, event);
        changed.fire(new Changed(school.code));
        return created;
    }

    /**
     * Who may change what in the directory: a city office keeps the non-provincial (非省属) schools of its own city; a
     * province office the schools of its province, moves them between its cities and decides 省属; only the national
     * centre moves a school to another province. Checked against the school as it is and as it would be, so no office
     * takes over a school by posting its code with its own region.
     */
    private static void requireAuthority(School existing, SchoolEntry r, CallerScope caller) {
        boolean national = caller.hasRole(Roles.NATIONAL);
        boolean province = national || caller.hasRole(Roles.PROVINCE);
        List<FieldError> refused = new ArrayList<>();
        if (existing != null) {
            if (!caller.covers(existing.provinceCode, existing.cityCode, existing.code)) {
                refused.add(new FieldError("code", "school-outside-scope", "the school is in another office's region"));
                throw ProblemException.forbidden("the school is outside the caller's scope", refused);
            }
            if (!national && !existing.provinceCode.equals(r.provinceCode())) {
                refused.add(new FieldError("provinceCode", "move-between-provinces-is-national",
                        "only the national centre moves a school to another province"));
            }
            if (!province && !existing.cityCode.equals(r.cityCode())) {
                refused.add(new FieldError("cityCode", "move-between-cities-is-province",
                        "only the province office moves a school to another city"));
            }
            if (!province && existing.provincial) {
                refused.add(new FieldError("provincial", "provincial-school-is-province",
                        "a provincial school (省属) is kept by the province office"));
            }
        }
        if (!province && Boolean.TRUE.equals(r.provincial())) {
            refused.add(new FieldError("provincial", "provincial-is-province", "only the province office decides 省属"));
        }
        if (refused.isEmpty() && !caller.covers(r.provinceCode(), r.cityCode(), r.code())) {
            refused.add(new FieldError(province ? "provinceCode" : "cityCode", "region-outside-scope",
                    "the school's new region is outside the caller's scope"));
        }
        if (!refused.isEmpty()) {
            throw ProblemException.forbidden("the change is outside the caller's authority", refused);
        }
    }

    /** The fields of a school as its change history compares them. */
    private static Map<String, Object> state(School s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", s.name);
        state.put("type", s.type.name());
        state.put("provinceCode", s.provinceCode);
        state.put("cityCode", s.cityCode);
        state.put("provincial", s.provincial);
        state.put("ownership", s.ownership);
        state.put("hotline", s.hotline);
        state.put("brochureUrl", s.brochureUrl);
        state.put("complaintHotline", s.complaintHotline);
        state.put("qualifiedYears", s.qualifiedYearList());
        state.put("majors", s.majors.stream().sorted(Comparator.comparing((SchoolMajor m) -> m.majorCode))
                .map(m -> Map.of("code", m.majorCode, "name", m.majorName, "levels", m.levelList().stream().map(Enum::name).toList()))
                .toList());
        return state;
    }

    /** Appends the change to the school's history; a post that changes nothing leaves none. */
    private void record(School school, boolean created, Map<String, Object> before, CallerScope caller) {
        List<SchoolChange.FieldChange> changes = new ArrayList<>();
        state(school).forEach((field, after) -> {
            Object was = before.get(field);
            if (created ? after != null : !Objects.equals(was, after)) {
                changes.add(new SchoolChange.FieldChange(field, was, after));
            }
        });
        if (!created && changes.isEmpty()) {
            return;
        }
        SchoolChange change = new SchoolChange();
        change.id = UUID.randomUUID();
        change.schoolCode = school.code;
        change.changedAt = school.updatedAt;
        change.changedBy = caller.name();
        change.role = caller.hasRole(Roles.NATIONAL) ? Roles.NATIONAL : caller.hasRole(Roles.PROVINCE) ? Roles.PROVINCE : Roles.CITY;
        change.kind = created ? SchoolChange.Kind.CREATED : SchoolChange.Kind.UPDATED;
        change.changes = changes;
        change.persist();
    }

    /** A school's changes, newest first; 404 as for the school itself when the caller may not see it. */
    public List<SchoolChangeEntry> history(String code, CallerScope caller, KeysetCursor after, int limit) {
        School school = School.findById(code);
        if (school == null || !caller.covers(school.provinceCode, school.cityCode, school.code)) {
            throw ProblemException.notFound("school");
        }
        StringBuilder where = new StringBuilder("schoolCode = :code");
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        if (after != null) {
            where.append(" and (changedAt < :afterAt or (changedAt = :afterAt and id < :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        return SchoolChange.<SchoolChange>find(where + " order by changedAt desc, id desc", params).range(0, limit - 1).list()
                .stream().map(SchoolChangeEntry::of).toList();
    }

    private static void replaceMajors(School school, List<SchoolEntry.Major> majors) {
        school.majors.clear();
        School.getEntityManager().flush();
        for (SchoolEntry.Major m : majors) {
            SchoolMajor major = new SchoolMajor();
            major.school = school;
            major.majorCode = m.code();
            major.majorName = m.name();
            major.levels = m.levels().stream().map(l -> ClassLevel.valueOf(l.toUpperCase(Locale.ROOT)).name()).distinct()
                    .collect(Collectors.joining(","));
            school.majors.add(major);
        }
    }

    /** 招生简章 a browser opens (http or https with a host) and a complaint hotline (电话号码, 转 an extension) as published. */
    private static void checkBrochureAndHotline(SchoolEntry r, List<FieldError> structural, List<FieldError> rules) {
        String url = blankToNull(r.brochureUrl());
        if (url != null && url.length() > MAX_BROCHURE_URL) {
            structural.add(new FieldError("brochureUrl", "max-length", "brochureUrl is longer than " + MAX_BROCHURE_URL));
        } else if (url != null && !isWebAddress(url)) {
            rules.add(new FieldError("brochureUrl", "web-address", "brochureUrl must be an http or https address"));
        }
        String hotline = blankToNull(r.complaintHotline());
        if (hotline != null && hotline.length() > MAX_HOTLINE) {
            structural.add(new FieldError("complaintHotline", "max-length", "complaintHotline is longer than " + MAX_HOTLINE));
        } else if (hotline != null && !PHONE.matcher(hotline).matches()) {
            rules.add(new FieldError("complaintHotline", "phone-format",
                    "complaintHotline holds telephone numbers: digits, spaces, + - ( ) , / and 转 for an extension"));
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static SchoolUpserted toEvent(School s) {
        return new SchoolUpserted(s.code, s.name, s.type, s.provinceCode, s.cityCode, s.provincial, s.ownership, s.hotline,
                s.qualifiedYearList(), s.majors.stream()
                        .map(m -> new SchoolUpserted.Major(m.majorCode, m.majorName, m.levelList())).toList());
    }

    private void validate(SchoolEntry r, List<FieldError> structural, List<FieldError> rules) {
        if (r.code() == null || r.code().isBlank()) {
            structural.add(new FieldError("code", "required", "code is required"));
        } else if (!r.code().matches("[A-Za-z0-9-]{1,32}")) {
            rules.add(new FieldError("code", "school-code-format", "code is 1–32 letters, digits or dashes"));
        }
        if (r.name() == null || r.name().isBlank()) {
            structural.add(new FieldError("name", "required", "name is required"));
        }
        // The directory is public: a code or text holding someone's ID number would publish it.
        Map<String, String> freeText = new LinkedHashMap<>();
        freeText.put("code", r.code());
        freeText.put("name", r.name());
        freeText.put("ownership", r.ownership());
        freeText.put("hotline", r.hotline());
        freeText.put("brochureUrl", r.brochureUrl());
        freeText.put("complaintHotline", r.complaintHotline());
        freeText.forEach((field, value) -> {
            if (IdNumberShape.foundIn(value)) {
                rules.add(IdNumberShape.error(field));
            }
        });
        checkBrochureAndHotline(r, structural, rules);
        if (r.type() == null) {
            structural.add(new FieldError("type", "required", "type is required"));
        } else if (Arrays.stream(SchoolType.values()).noneMatch(t -> t.name().equals(r.type()))) {
            structural.add(new FieldError("type", "enum", "type must be one of " + Arrays.toString(SchoolType.values())));
        }
        if (r.provinceCode() == null) {
            structural.add(new FieldError("provinceCode", "required", "provinceCode is required"));
        } else if (!divisions.isProvince(r.provinceCode())) {
            rules.add(new FieldError("provinceCode", "region-code", "provinceCode is not a GB/T 2260 province"));
        }
        if (r.cityCode() == null) {
            structural.add(new FieldError("cityCode", "required", "cityCode is required"));
        } else if (r.provinceCode() != null && !divisions.isCityOf(r.cityCode(), r.provinceCode())) {
            rules.add(new FieldError("cityCode", "region-code", "cityCode is not a city of the province"));
        }
        if (r.qualifiedYears() == null) {
            structural.add(new FieldError("qualifiedYears", "required", "qualifiedYears is required (may be empty)"));
        }
        if (r.majors() == null) {
            structural.add(new FieldError("majors", "required", "majors is required (may be empty)"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.majors().size(); i++) {
            SchoolEntry.Major m = r.majors().get(i);
            String field = "majors[" + i + "]";
            if (m == null || m.code() == null || m.code().isBlank() || m.name() == null || m.levels() == null || m.levels().isEmpty()) {
                structural.add(new FieldError(field, "required", "a major needs code, name and at least one level"));
                continue;
            }
            if (IdNumberShape.foundIn(m.name())) {
                rules.add(IdNumberShape.error(field + ".name"));
            }
            if (!seen.add(m.code())) {
                rules.add(new FieldError(field + ".code", "duplicate-major", "the major is listed twice"));
            }
            for (String level : m.levels()) {
                if (Arrays.stream(ClassLevel.values()).noneMatch(l -> l.name().equalsIgnoreCase(level))) {
                    structural.add(new FieldError(field + ".levels", "enum", "levels must be of " + Arrays.toString(ClassLevel.values())));
                }
            }
        }
    }
}
