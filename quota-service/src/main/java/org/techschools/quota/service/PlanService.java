package org.techschools.quota.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.quota.domain.AdjustmentStatus;
import org.techschools.quota.domain.CounterKey;
import org.techschools.quota.domain.EnrollmentFact;
import org.techschools.quota.domain.EnrollmentPlan;
import org.techschools.quota.domain.PlanAdjustment;
import org.techschools.quota.domain.PlanHistoryEntry;
import org.techschools.quota.domain.PlanHistoryEntry.Action;
import org.techschools.quota.domain.PlanLine;
import org.techschools.quota.domain.PlanLineValue;
import org.techschools.quota.domain.PlanStatus;
import org.techschools.quota.domain.School;
import org.techschools.quota.domain.SchoolMajor;
import org.techschools.quota.messaging.PlanEvents;

/**
 * 招生计划 workflow: the issuing office drafts and edits a plan, issues it (下达) once every line names a major filed at
 * its level (专业目录备案), the province files it (备案); afterwards it changes only through an adjustment request
 * (调整申请) the province approves. Every step is kept in the plan's history and published on quota-events.
 */
@ApplicationScoped
public class PlanService {

    private static final TypeReference<List<PlanLineValue>> LINES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper mapper;

    @Inject
    PlanAuthority authority;

    @Inject
    PlanEvents events;

    @Inject
    PlanCompliance compliance;

    @Inject
    Clock clock;

    @Transactional
    public PlanDossier create(String schoolCode, int year, List<PlanLineValue> lines) {
        School school = School.findById(schoolCode);
        if (school == null) {
            throw ProblemException.unprocessable(List.of(new FieldError("schoolCode", "unknown-school",
                    "no school with this code in the school directory")));
        }
        authority.requireIssuer(school);
        if (EnrollmentPlan.count("schoolCode = ?1 and year = ?2", schoolCode, year) > 0) {
            throw ProblemException.conflict("the school already has a plan for the year",
                    List.of(new FieldError("year", "plan-exists", "one plan per school and year; edit or adjust it")));
        }
        EnrollmentPlan plan = new EnrollmentPlan();
        plan.id = UUID.randomUUID();
        plan.schoolCode = school.code;
        plan.provinceCode = school.provinceCode;
        plan.cityCode = school.cityCode;
        plan.year = year;
        plan.status = PlanStatus.DRAFT;
        plan.createdBy = authority.actor();
        plan.createdAt = clock.instant();
        plan.updatedAt = plan.createdAt;
        plan.persist();
        replaceLines(plan, lines);
        step(plan, Action.CREATED, null, null, lines);
        return dossier(plan);
    }

    /** Replaces the lines of a draft; an issued plan changes only through an adjustment request. */
    @Transactional
    public PlanDossier edit(UUID id, List<PlanLineValue> lines) {
        EnrollmentPlan plan = load(id);
        authority.requireIssuer(school(plan));
        requireStatus(plan, PlanStatus.DRAFT, "edited; request an adjustment (调整申请) instead");
        replaceLines(plan, lines);
        step(plan, Action.EDITED, null, null, lines);
        return dossier(plan);
    }

    /** 下达: only when every line names a major of the school's filed catalogue at the line's level. */
    @Transactional
    public PlanDossier issue(UUID id) {
        EnrollmentPlan plan = load(id);
        authority.requireIssuer(school(plan));
        requireStatus(plan, PlanStatus.DRAFT, "issued again");
        List<PlanLineValue> lines = PlanLine.ofPlan(plan.id);
        if (lines.isEmpty()) {
            throw ProblemException.unprocessable(List.of(new FieldError("lines", "required", "a plan needs at least one line")));
        }
        requireFiled(plan.schoolCode, lines);
        plan.status = PlanStatus.ISSUED;
        step(plan, Action.ISSUED, null, null, lines);
        recheck(plan);
        return dossier(plan);
    }

    /** 备案: the province files an issued plan. */
    @Transactional
    public PlanDossier file(UUID id, String note) {
        EnrollmentPlan plan = load(id);
        authority.requireProvince(plan);
        requireStatus(plan, PlanStatus.ISSUED, "filed");
        plan.status = PlanStatus.FILED;
        step(plan, Action.FILED, note, null, null);
        return dossier(plan);
    }

    /** 调整申请: the lines the plan would have afterwards and why; one request waits for a decision at a time. */
    @Transactional
    public PlanDossier requestAdjustment(UUID id, List<PlanLineValue> lines, String reason) {
        EnrollmentPlan plan = load(id);
        authority.requireIssuerOrProvince(school(plan));
        if (!plan.status.binding()) {
            throw ProblemException.conflict("the plan is a DRAFT: edit it instead",
                    List.of(new FieldError("status", "plan-not-issued", "adjustments apply to issued or filed plans")));
        }
        if (PlanAdjustment.count("planId = ?1 and status = ?2", plan.id, AdjustmentStatus.PENDING) > 0) {
            throw ProblemException.conflict("the plan has an adjustment request awaiting decision",
                    List.of(new FieldError("adjustments", "adjustment-pending", "decide the pending request first")));
        }
        requireFiled(plan.schoolCode, lines);
        PlanAdjustment adjustment = new PlanAdjustment();
        adjustment.id = UUID.randomUUID();
        adjustment.planId = plan.id;
        adjustment.status = AdjustmentStatus.PENDING;
        adjustment.lines = json(lines);
        adjustment.reason = reason;
        adjustment.requestedBy = authority.actor();
        adjustment.requestedAt = clock.instant();
        adjustment.persist();
        step(plan, Action.ADJUSTMENT_REQUESTED, reason, adjustment.id, null);
        return dossier(plan);
    }

    /** The province approves (the requested lines become the plan's) or rejects an adjustment request. */
    @Transactional
    public PlanDossier decide(UUID id, UUID adjustmentId, boolean approve, String note) {
        EnrollmentPlan plan = load(id);
        authority.requireProvince(plan);
        PlanAdjustment adjustment = PlanAdjustment.findById(adjustmentId, LockModeType.PESSIMISTIC_WRITE);
        if (adjustment == null || !adjustment.planId.equals(plan.id)) {
            throw ProblemException.notFound("adjustment of the plan");
        }
        if (adjustment.status != AdjustmentStatus.PENDING) {
            throw ProblemException.conflict("the adjustment is already " + adjustment.status,
                    List.of(new FieldError("decision", "adjustment-decided", "a request is decided once")));
        }
        adjustment.decidedBy = authority.actor();
        adjustment.decidedAt = clock.instant();
        adjustment.decisionNote = note;
        if (!approve) {
            adjustment.status = AdjustmentStatus.REJECTED;
            step(plan, Action.ADJUSTMENT_REJECTED, note, adjustment.id, null);
            return dossier(plan);
        }
        List<PlanLineValue> lines = lines(adjustment.lines);
        // The catalogue may have changed since the request.
        requireFiled(plan.schoolCode, lines);
        adjustment.status = AdjustmentStatus.APPROVED;
        replaceLines(plan, lines);
        step(plan, Action.ADJUSTMENT_APPROVED, note, adjustment.id, lines);
        recheck(plan);
        return dossier(plan);
    }

    /** The steps the caller may take on a plan now: what its status allows to the office PlanAuthority names. */
    public record Actions(boolean edit, boolean issue, boolean file, boolean requestAdjustment, boolean decide) {
    }

    /** The steps open to the caller on the plan (404 when the caller may not read it): the console offers only these. */
    @Transactional
    public Actions actions(UUID id) {
        EnrollmentPlan plan = EnrollmentPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("plan");
        }
        authority.requireReader(plan);
        School school = school(plan);
        boolean issuer = authority.isIssuer(school);
        boolean province = authority.isProvinceOf(plan);
        boolean pending = PlanAdjustment.count("planId = ?1 and status = ?2", plan.id, AdjustmentStatus.PENDING) > 0;
        boolean draft = plan.status == PlanStatus.DRAFT;
        return new Actions(draft && issuer, draft && issuer, plan.status == PlanStatus.ISSUED && province,
                plan.status.binding() && (issuer || province) && !pending, pending && province);
    }

    @Transactional
    public PlanDossier get(UUID id) {
        EnrollmentPlan plan = EnrollmentPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("plan");
        }
        authority.requireReader(plan);
        return dossier(plan);
    }

    /**
     * One page of the plans of a year within the caller's scope (a school: its own; a city office: its city), by school
     * code, after {@code after} (null: from the first); its cursors hold the last school code.
     */
    @Transactional
    public PlanDossier.Listing list(int year, String cityCode, String schoolCode, PlanStatus status, SortKeyCursor after,
            int limit) {
        StringBuilder query = new StringBuilder("year = :year");
        Parameters parameters = Parameters.with("year", year);
        // The caller's scope (its narrowest limit) in the query itself, so that every page is full: what mayRead allows.
        if (authority.schoolLimit() != null) {
            scope(query, parameters, "schoolCode", "scopeSchool", authority.schoolLimit());
        } else if (authority.cityLimit() != null) {
            scope(query, parameters, "cityCode", "scopeCity", authority.cityLimit());
        } else {
            scope(query, parameters, "provinceCode", "province", authority.provinceLimit());
        }
        if (cityCode != null) {
            query.append(" and cityCode = :city");
            parameters.and("city", cityCode);
        }
        if (schoolCode != null) {
            query.append(" and schoolCode = :school");
            parameters.and("school", schoolCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and schoolCode > :after");
            parameters.and("after", after.key(0));
        }
        // One more than asked tells whether another page follows (a school has one plan a year: the code orders them).
        List<EnrollmentPlan> found = EnrollmentPlan.<EnrollmentPlan>find(query + " order by schoolCode", parameters)
                .range(0, limit).list();
        boolean more = found.size() > limit;
        List<EnrollmentPlan> shown = more ? found.subList(0, limit) : found;
        Map<UUID, Long> totals = PlanLine.totalsOf(shown.stream().map(plan -> plan.id).toList());
        List<PlanDossier.Listed> plans = new ArrayList<>();
        for (EnrollmentPlan plan : shown) {
            plans.add(new PlanDossier.Listed(plan.id, plan.schoolCode, plan.provinceCode, plan.cityCode, plan.year,
                    plan.status, totals.getOrDefault(plan.id, 0L), plan.updatedAt));
        }
        return new PlanDossier.Listing(plans, more ? SortKeyCursor.of(plans.get(plans.size() - 1).schoolCode()).encode() : null);
    }

    private static void scope(StringBuilder query, Parameters parameters, String attribute, String name, String limit) {
        if (limit != null) {
            query.append(" and ").append(attribute).append(" = :").append(name);
            parameters.and(name, limit);
        }
    }

    /** 422 naming each line whose major is not filed for the school, or not at the line's level. */
    private static void requireFiled(String schoolCode, List<PlanLineValue> lines) {
        Set<String> majors = new HashSet<>();
        Set<String> filed = new HashSet<>();
        for (SchoolMajor m : SchoolMajor.ofSchool(schoolCode)) {
            majors.add(m.majorCode);
            filed.add(m.majorCode + "|" + m.classLevel);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PlanLineValue line = lines.get(i);
            if (!majors.contains(line.majorCode())) {
                errors.add(new FieldError("lines[" + i + "].majorCode", "major-not-filed",
                        "the major is not in the school's filed catalogue (专业目录备案)"));
            } else if (!filed.contains(line.majorCode() + "|" + line.classLevel())) {
                errors.add(new FieldError("lines[" + i + "].classLevel", "level-not-filed",
                        "the school has not filed the major at this class level"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }

    /** After the plan's lines bind anew: every cell with enrollment or a line is compared with the plan again. */
    private void recheck(EnrollmentPlan plan) {
        for (CounterKey cell : EnrollmentFact.activeCellsOf(plan)) {
            compliance.overPlan(cell, plan);
        }
    }

    private void replaceLines(EnrollmentPlan plan, List<PlanLineValue> lines) {
        PlanLine.delete("planId", plan.id);
        for (int i = 0; i < lines.size(); i++) {
            PlanLineValue value = lines.get(i);
            PlanLine line = new PlanLine();
            line.planId = plan.id;
            line.lineNo = i;
            line.majorCode = value.majorCode();
            line.classLevel = value.classLevel();
            line.studyMode = value.studyMode();
            line.count = value.count();
            line.persist();
        }
    }

    /** Records the step in the plan's history and publishes it, in this transaction. */
    private void step(EnrollmentPlan plan, Action action, String note, UUID adjustmentId, List<PlanLineValue> newLines) {
        plan.updatedAt = clock.instant();
        PlanHistoryEntry entry = new PlanHistoryEntry();
        entry.planId = plan.id;
        entry.action = action;
        entry.status = plan.status;
        entry.actor = authority.actor();
        entry.at = plan.updatedAt;
        entry.note = note;
        entry.adjustmentId = adjustmentId;
        entry.lines = newLines == null ? null : json(newLines);
        entry.persist();
        events.changed(plan, entry, newLines != null ? newLines : PlanLine.ofPlan(plan.id));
    }

    private static void requireStatus(EnrollmentPlan plan, PlanStatus required, String what) {
        if (plan.status != required) {
            throw ProblemException.conflict("the plan is " + plan.status + " and cannot be " + what,
                    List.of(new FieldError("status", "plan-not-" + required.name().toLowerCase(),
                            "the plan must be " + required + " for this step; it is " + plan.status)));
        }
    }

    private EnrollmentPlan load(UUID id) {
        // Locked: two offices acting on one plan at once must not both pass the status check.
        EnrollmentPlan plan = EnrollmentPlan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw ProblemException.notFound("plan");
        }
        authority.requireReader(plan);
        return plan;
    }

    private static School school(EnrollmentPlan plan) {
        School school = School.findById(plan.schoolCode);
        if (school == null) {
            throw new IllegalStateException("plan " + plan.id + " names unknown school " + plan.schoolCode);
        }
        return school;
    }

    private PlanDossier dossier(EnrollmentPlan plan) {
        List<PlanDossier.Adjustment> adjustments = PlanAdjustment.<PlanAdjustment>list("planId = ?1 order by requestedAt",
                plan.id).stream().map(a -> new PlanDossier.Adjustment(a.id, a.status, a.reason, lines(a.lines),
                        a.requestedBy, a.requestedAt, a.decidedBy, a.decidedAt, a.decisionNote)).toList();
        List<PlanDossier.Step> history = PlanHistoryEntry.ofPlan(plan.id).stream()
                .map(h -> new PlanDossier.Step(h.action.name(), h.status, h.actor, h.at, h.note, h.adjustmentId,
                        h.lines == null ? null : lines(h.lines))).toList();
        School school = School.findById(plan.schoolCode);
        return new PlanDossier(plan.id, plan.schoolCode, school == null ? null : school.name, plan.provinceCode,
                plan.cityCode, plan.year, plan.status, PlanLine.ofPlan(plan.id), adjustments, history);
    }

    private String json(List<PlanLineValue> lines) {
        try {
            return mapper.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PlanLineValue> lines(String json) {
        try {
            return mapper.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan lines are not readable", e);
        }
    }
}
