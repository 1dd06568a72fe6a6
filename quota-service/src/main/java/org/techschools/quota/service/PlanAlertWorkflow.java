package org.techschools.quota.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.quota.domain.PlanAlert;
import org.techschools.quota.domain.PlanAlertRecord;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.quota.domain.PlanAlertTransition;
import org.techschools.commons.paging.NewestFirstPage;

/**
 * Plan-compliance alerts for offices: listed within the caller's scope (a school its own, a city office its city,
 * a province its province), a page at a time, and moved through OPEN → INVESTIGATING → CONFIRMED | DISMISSED,
 * CONFIRMED → REFERRED, each step keeping who, when and the note.
 */
@ApplicationScoped
public class PlanAlertWorkflow {

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    @Inject
    Clock clock;

    @Transactional
    public PlanAlertDossier.Listing search(PlanAlertFilter filter) {
        PlanAlert.Selection asked = new PlanAlert.Selection(filter.type(), filter.status(), filter.province(),
                filter.city(), filter.school(), filter.year());
        // The caller's scope, as CallerScope.covers decides it for one alert: a school's token carries no region.
        String schoolLimit = caller.schoolLimit();
        PlanAlert.Selection scope = schoolLimit != null ? PlanAlert.Selection.scope(null, null, schoolLimit)
                : PlanAlert.Selection.scope(caller.provinceLimit(), caller.cityLimit(), null);
        NewestFirstPage page = PlanAlert.newestFirst(asked, scope, filter.after(), filter.limit());
        List<UUID> ids = page.ids();
        boolean more = page.more();
        Map<UUID, PlanAlert> byId = ids.isEmpty() ? Map.of()
                : PlanAlert.<PlanAlert>list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, List<PlanAlertRecord>> records = PlanAlertRecord.ofAlerts(ids).stream()
                .collect(Collectors.groupingBy(r -> r.alertId));
        List<PlanAlertDossier> items = ids.stream().map(byId::get)
                .map(a -> dossier(a, records.getOrDefault(a.id, List.of()), null)).toList();
        PlanAlert last = more ? byId.get(ids.get(ids.size() - 1)) : null;
        return new PlanAlertDossier.Listing(items, last == null ? null : new KeysetCursor(last.raisedAt, last.id).encode());
    }

    @Transactional
    public PlanAlertDossier get(UUID id) {
        return dossier(visible(PlanAlert.findById(id), id));
    }

    /** One workflow step; 409 naming the allowed steps when this one is not among them. */
    @Transactional
    public PlanAlertDossier move(UUID id, AlertStatus to, String note) {
        // Locked: two officers moving the same alert at once must not both succeed from the same status.
        PlanAlert alert = visible(PlanAlert.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
        AlertStatus from = alert.status;
        if (!from.next().contains(to)) {
            String allowed = from.next().isEmpty() ? "none (final status)" : from.next().toString();
            throw ProblemException.conflict("alert is " + from + " and cannot move to " + to + "; allowed: " + allowed,
                    List.of(new FieldError("to", "illegal-transition", "current status is " + from)));
        }
        alert.status = to;
        alert.updatedAt = clock.instant();
        PlanAlertTransition.record(alert.id, from, to, caller.name() == null ? "unknown" : caller.name(), note, alert.updatedAt);
        return dossier(alert);
    }

    private PlanAlert visible(PlanAlert alert, UUID id) {
        if (alert == null || !caller.covers(alert.provinceCode, alert.cityCode, alert.schoolCode)) {
            throw ProblemException.notFound("plan alert");
        }
        return alert;
    }

    private PlanAlertDossier dossier(PlanAlert alert) {
        em.flush();
        return dossier(alert, PlanAlertRecord.ofAlerts(List.of(alert.id)), PlanAlertTransition.ofAlert(alert.id));
    }

    private static PlanAlertDossier dossier(PlanAlert a, List<PlanAlertRecord> records, List<PlanAlertTransition> steps) {
        return new PlanAlertDossier(a.id, a.type, a.status, a.schoolCode, a.provinceCode, a.cityCode, a.intakeYear,
                a.majorCode, a.classLevel, a.planned, a.actual, a.originRegion, a.raisedAt, a.updatedAt,
                records.stream().map(r -> new PlanAlertDossier.Record(r.enrollmentId, r.schoolCode, r.sourceRecordId))
                        .toList(),
                steps == null ? null : steps.stream().map(t -> new PlanAlertDossier.Step(t.fromStatus, t.toStatus, t.actor,
                        t.at, t.note)).toList());
    }
}
