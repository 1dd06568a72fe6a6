package org.techschools.registration.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.commons.alerts.AlertStatus;
import org.techschools.registration.domain.Alert;
import org.techschools.registration.domain.AlertRecord;
import org.techschools.registration.domain.AlertSeverity;
import org.techschools.registration.domain.AlertTransition;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RegistrationStatus;

/**
 * What one reader is shown of an alert (按读者披露). Records in the reader's scope ({@link Visibility}) are shown in full;
 * the other side only as "another school, city X" — no school code, record id, enrollment id, name or masked ID —
 * until an auditor shares the alert. Otherwise a school could push someone's ID number under a dummy name and read
 * the real holder's name and school off the IDENTITY_CONFLICT alert. The evidence then keeps only how the records
 * compare (same, different, how alike), and the history its steps without their notes, which may name the other side.
 */
@ApplicationScoped
public class AlertDisclosure {

    /** A record that ended this soon after its alert is pointed out to auditors: the trace a probe leaves. */
    static final Duration PROBE_WINDOW = Duration.ofDays(7);

    /** Evidence keys that compare the records; kept for every reader when they hold only a verdict. */
    private static final Set<String> COMPARISONS = Set.of("personKey", "idNumberMasked", "name", "gender", "birthDate",
            "school", "sourceRecordId");
    private static final Set<String> VERDICTS = Set.of("same", "different", "equal");
    /** Evidence keys that describe the conflict without naming a person, school or record; kept for every reader. */
    private static final Set<String> DESCRIPTIONS = Set.of("studyMode", "studyModes", "statuses", "threshold", "rosterSystem",
            "rosterProvince", "rosterStatus");

    @Inject
    ObjectMapper mapper;

    /** A record that ended within {@link #PROBE_WINDOW} of the alert, as auditors are told of it. */
    public record EndedSoonAfter(RegistrationStatus status, Instant at, Duration afterAlert, String note) {
    }

    /**
     * A record as the reader is shown it; on the other side every field that names it is null and {@code full} false.
     *
     * @param endedSoonAfter for auditors, when the record's 学籍 ended within days of the alert; else null
     */
    public record ShownRecord(UUID enrollmentId, String schoolCode, String sourceRecordId, String idNumberMasked, String name,
            String provinceCode, String cityCode, boolean full, EndedSoonAfter endedSoonAfter) {
    }

    /** @param everySide whether the reader sees every side in full (its scope holds them all, or the alert is shared) */
    public record ShownAlert(UUID id, AlertType type, AlertSeverity severity, AlertStatus status, Instant raisedAt,
            BigDecimal score, String resolutionReason, Instant updatedAt, Instant sharedAt, List<ShownRecord> records,
            JsonNode evidence, boolean everySide) {
    }

    /** A step of the alert's history; its note only to readers who see every side. */
    public record ShownStep(AlertStatus from, AlertStatus to, String actor, Instant at, String note) {
    }

    /** Alerts (with the records each names) as this reader is shown them; auditors' notes of ended records in one query. */
    @Transactional
    public List<ShownAlert> show(List<Alert> alerts, Map<UUID, List<AlertRecord>> records, Visibility reader) {
        Map<UUID, Registration.End> ends = reader.auditor()
                ? Registration.endsOf(records.values().stream().flatMap(List::stream).map(r -> r.enrollmentId).toList())
                : Map.of();
        return alerts.stream().map(a -> shown(a, records.getOrDefault(a.id, List.of()), reader, ends)).toList();
    }

    @Transactional
    public ShownAlert show(Alert alert, List<AlertRecord> records, Visibility reader) {
        return show(List.of(alert), Map.of(alert.id, records), reader).get(0);
    }

    /** A new alert on the live stream: not shared, and none of its records has ended since; no database needed. */
    public ShownAlert showRaised(AlertRaised raised, Visibility reader) {
        return shown(raised.alert(), raised.records(), reader, Map.of());
    }

    @Transactional
    public List<ShownStep> history(ShownAlert shown) {
        return AlertTransition.ofAlert(shown.id()).stream()
                .map(t -> new ShownStep(t.fromStatus, t.toStatus, t.actor, t.at, shown.everySide() ? t.note : null)).toList();
    }

    private ShownAlert shown(Alert a, List<AlertRecord> records, Visibility reader, Map<UUID, Registration.End> ends) {
        boolean shared = a.sharedAt != null;
        JsonNode evidence = parse(a.evidence);
        String rosterProvince = evidence.path("rosterProvince").textValue();
        boolean everySide = shared
                || reader.coversAll(records) && (rosterProvince == null || reader.coversProvince(rosterProvince));
        List<ShownRecord> shownRecords = records.stream()
                .map(r -> shared || reader.covers(r) ? full(r, endedSoonAfter(a, ends.get(r.enrollmentId))) : otherSide(r))
                // Own side first: the order of the other school's code among one's own would hint at it.
                .sorted(Comparator.comparing(r -> !r.full()))
                .toList();
        return new ShownAlert(a.id, a.type, a.severity, a.status, a.raisedAt, a.score, a.resolutionReason, a.updatedAt,
                a.sharedAt, shownRecords, everySide ? evidence : comparisonsOnly(evidence), everySide);
    }

    private static ShownRecord full(AlertRecord r, EndedSoonAfter ended) {
        return new ShownRecord(r.enrollmentId, r.schoolCode, r.sourceRecordId, r.idNumberMasked, r.name, r.provinceCode,
                r.cityCode, true, ended);
    }

    private static ShownRecord otherSide(AlertRecord r) {
        return new ShownRecord(null, null, null, null, null, r.provinceCode, r.cityCode, false, null);
    }

    private static EndedSoonAfter endedSoonAfter(Alert a, Registration.End end) {
        if (end == null || end.at().isBefore(a.raisedAt) || end.at().isAfter(a.raisedAt.plus(PROBE_WINDOW))) {
            return null;
        }
        Duration after = Duration.between(a.raisedAt, end.at());
        return new EndedSoonAfter(end.status(), end.at(), after, "学籍 ended (" + end.status() + ") " + hours(after)
                + " after this alert was raised, within " + PROBE_WINDOW.toDays() + " days: the record may have been pushed"
                + " to see whose the ID number is");
    }

    private static String hours(Duration d) {
        return d.toHours() < 1 ? d.toMinutes() + " min" : d.toHours() + " h";
    }

    /** The evidence without what names a side: only verdicts and descriptions, and a mark that the rest is withheld. */
    static ObjectNode comparisonsOnly(JsonNode evidence) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        evidence.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (DESCRIPTIONS.contains(key)) {
                kept.set(key, value);
            } else if (COMPARISONS.contains(key) && value.isTextual() && VERDICTS.contains(value.textValue())) {
                kept.set(key, value);
            } else if (COMPARISONS.contains(key) && value.isObject() && value.has("match")) {
                // PROBABLE_DUPLICATE's name: how alike the names are, not what they are.
                ObjectNode how = kept.putObject(key);
                how.set("match", value.get("match"));
                how.set("score", value.get("score"));
            }
        });
        kept.put("otherSideWithheld", true);
        return kept;
    }

    private JsonNode parse(String evidence) {
        try {
            return mapper.readTree(evidence);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.objectNode().put("unreadable", true);
        }
    }
}
