package org.techschools.registration.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertSeverity;
import org.techschools.registration.domain.AlertQueries;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.registration.service.AlertDisclosure.EndedSoonAfter;
import org.techschools.registration.service.AlertDisclosure.ShownAlert;
import org.techschools.registration.service.AlertDisclosure.ShownRecord;
import org.techschools.registration.service.AlertDisclosure.ShownStep;

/** The JSON shapes of the alert API (core contract: items, records by schoolCode + sourceRecordId, evidence, nextCursor). */
public final class AlertViews {

    private AlertViews() {
    }

    /** How a record is shown: in full, or as the other side of an unshared alert ("another school, city X"). */
    public enum Shown {
        FULL, OTHER_SIDE
    }

    /**
     * An enrollment record an alert names, the ID only masked. On the other side of an unshared alert, every field that
     * names the record is null and {@code label} says where it is.
     *
     * @param endedSoonAfterAlert auditors only: the 学籍 ended within days of the alert (the trace a probe leaves)
     */
    public record RecordView(UUID enrollmentId, String schoolCode, String sourceRecordId, String idNumberMasked, String name,
            String provinceCode, String cityCode, Shown shown, String label, EndedView endedSoonAfterAlert) {

        static RecordView of(ShownRecord r) {
            return new RecordView(r.enrollmentId(), r.schoolCode(), r.sourceRecordId(), r.idNumberMasked(), r.name(),
                    r.provinceCode(), r.cityCode(), r.full() ? Shown.FULL : Shown.OTHER_SIDE, label(r),
                    r.endedSoonAfter() == null ? null : EndedView.of(r.endedSoonAfter()));
        }

        static String label(ShownRecord r) {
            return r.full() ? null : "another school, city " + r.cityCode();
        }
    }

    public record EndedView(RegistrationStatus status, Instant at, long minutesAfterAlert, String note) {

        static EndedView of(EndedSoonAfter e) {
            return new EndedView(e.status(), e.at(), e.afterAlert().toMinutes(), e.note());
        }
    }

    /** @param sharedAt when an auditor showed every side to all involved; null while each sees its own side only */
    public record AlertItem(UUID id, AlertType type, AlertSeverity severity, AlertStatus status, Instant raisedAt,
            BigDecimal score, Instant sharedAt, List<RecordView> records, JsonNode evidence) {

        static AlertItem of(ShownAlert a) {
            return new AlertItem(a.id(), a.type(), a.severity(), a.status(), a.raisedAt(), a.score(), a.sharedAt(),
                    a.records().stream().map(RecordView::of).toList(), a.evidence());
        }
    }

    public record AlertPage(List<AlertItem> items, String nextCursor) {
    }

    /** A step of the history; {@code action} SHARE for an auditor's sharing (the status stays), note withheld from one side. */
    public record TransitionView(String action, AlertStatus from, AlertStatus to, String actor, Instant at, String note) {

        static TransitionView of(ShownStep t) {
            String action = t.from() == null ? "RAISE" : t.from() == t.to() ? "SHARE" : "MOVE";
            return new TransitionView(action, t.from(), t.to(), t.actor(), t.at(), t.note());
        }
    }

    public record AlertDetail(UUID id, AlertType type, AlertSeverity severity, AlertStatus status, Instant raisedAt,
            BigDecimal score, Instant sharedAt, List<RecordView> records, JsonNode evidence, String resolutionReason,
            Instant updatedAt, List<TransitionView> transitions) {

        static AlertDetail of(ShownAlert a, List<ShownStep> history) {
            return new AlertDetail(a.id(), a.type(), a.severity(), a.status(), a.raisedAt(), a.score(), a.sharedAt(),
                    a.records().stream().map(RecordView::of).toList(), a.evidence(), a.resolutionReason(), a.updatedAt(),
                    history.stream().map(TransitionView::of).toList());
        }
    }

    /** Answer of {@code GET /api/v1/alerts/stats}: per group its alerts in total and still open (OPEN, INVESTIGATING). */
    public record AlertStats(String groupBy, List<AlertQueries.Group> groups) {
    }

    /** Body of {@code POST /api/v1/alerts/{id}/transitions}. */
    public record TransitionRequest(String to, String note) {
    }

    /** Body of {@code POST /api/v1/alerts/{id}/share} (optional): why every side is shown now. */
    public record ShareRequest(String note) {
    }
}
