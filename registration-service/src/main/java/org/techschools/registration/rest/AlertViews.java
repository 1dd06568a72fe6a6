package org.techschools.registration.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.techschools.registration.domain.AlertRecord;
import org.techschools.registration.domain.AlertSeverity;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.AlertTransition;
import org.techschools.registration.domain.AlertType;

/** The JSON shapes of the alert API (core contract: items, records by schoolCode + sourceRecordId, evidence, nextCursor). */
public final class AlertViews {

    private AlertViews() {
    }

    /** An enrollment record an alert names; the ID only masked. */
    public record RecordView(UUID enrollmentId, String schoolCode, String sourceRecordId, String idNumberMasked, String name,
            String provinceCode, String cityCode) {

        static RecordView of(AlertRecord r) {
            return new RecordView(r.enrollmentId, r.schoolCode, r.sourceRecordId, r.idNumberMasked, r.name, r.provinceCode,
                    r.cityCode);
        }
    }

    public record AlertItem(UUID id, AlertType type, AlertSeverity severity, AlertStatus status, Instant raisedAt,
            BigDecimal score, List<RecordView> records, JsonNode evidence) {
    }

    public record AlertPage(List<AlertItem> items, String nextCursor) {
    }

    public record TransitionView(AlertStatus from, AlertStatus to, String actor, Instant at, String note) {

        static TransitionView of(AlertTransition t) {
            return new TransitionView(t.fromStatus, t.toStatus, t.actor, t.at, t.note);
        }
    }

    public record AlertDetail(UUID id, AlertType type, AlertSeverity severity, AlertStatus status, Instant raisedAt,
            BigDecimal score, List<RecordView> records, JsonNode evidence, String resolutionReason, Instant updatedAt,
            List<TransitionView> transitions) {
    }

    /** Answer of {@code GET /api/v1/alerts/stats}: per group its alerts in total and still open (OPEN, INVESTIGATING). */
    public record AlertStats(String groupBy, List<org.techschools.registration.service.AlertSearch.Group> groups) {
    }

    /** Body of {@code POST /api/v1/alerts/{id}/transitions}. */
    public record TransitionRequest(String to, String note) {
    }
}
