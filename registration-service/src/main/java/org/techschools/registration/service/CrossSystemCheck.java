package org.techschools.registration.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RosterSystem;
import org.techschools.commons.persistence.PlainSql;

/**
 * 跨系统学籍: the holder of an ACTIVE 学籍 here is 在籍 on an imported roster of the education system (普通高中
 * or 中职), whom the notices forbid registering here (docs/DOMAIN.md#rosters). One
 * alert per 学籍 and roster (system + province), so a re-upload of the same roster raises nothing new.
 */
@ApplicationScoped
public class CrossSystemCheck {

    /**
     * Advisory lock (single-key form) ordering roster replacements with the checks that read rosters: a check holds it
     * shared until its transaction commits, a replacement takes it exclusively before matching the registry. Without
     * it, an enrollment checked while a replacement committed was matched by neither: the check read the old roster,
     * and the replacement's match did not yet see the new 学籍.
     */
    private static final long ROSTERS_LOCK = 0x726f7374657273L;

    @Inject
    AlertRaiser alerts;

    /** The roster row of one person on one roster, as the evidence shows it (masked ID only). */
    public record RosterHit(RosterSystem system, String provinceCode, int line, String idNumberMasked, String name,
            String gender, LocalDate birthDate, String schoolName, String status) {
    }

    public static String pairKey(Registration registration, RosterHit hit) {
        return registration.enrollmentId + ":" + hit.system() + ":" + hit.provinceCode();
    }

    /** The person's 在籍 rows on every roster, the first row per roster. */
    public List<RosterHit> activeRosterRowsOf(String personKey) {
        return activeRosterRowsOf(List.of(personKey)).getOrDefault(personKey, List.of());
    }

    /**
     * The 在籍 rows of several people at once, by personKey (a polled batch of enrollment events asks in one round
     * trip; plain SQL, as it runs for every batch).
     */
    public Map<String, List<RosterHit>> activeRosterRowsOf(Collection<String> personKeys) {
        record Row(String personKey, RosterHit hit) {
        }
        // A statement of its own: the rows are read with a snapshot taken after a replacement in progress committed.
        PlainSql.list("SELECT pg_advisory_xact_lock_shared(?)", r -> Boolean.TRUE, ROSTERS_LOCK);
        return PlainSql.list("SELECT DISTINCT ON (person_key, system, province_code) person_key, system, province_code, line,"
                + " id_number_masked, name, gender, birth_date, school_name, status FROM roster_entry"
                + " WHERE person_key = ANY (?) AND active ORDER BY person_key, system, province_code, line",
                r -> new Row(r.getString(1), new RosterHit(RosterSystem.valueOf(r.getString(2)), r.getString(3), r.getInt(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getObject(8, LocalDate.class), r.getString(9),
                        r.getString(10))),
                (Object) personKeys.toArray(String[]::new))
                .stream().collect(Collectors.groupingBy(Row::personKey, Collectors.mapping(Row::hit, Collectors.toList())));
    }

    /** Before a replaced roster is matched against the registry: waits until the checks reading rosters now commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRostersExclusively() {
        PlainSql.list("SELECT pg_advisory_xact_lock(?)", r -> Boolean.TRUE, ROSTERS_LOCK);
    }

    /** @return the new alert's id, or empty when this 学籍 was flagged for this roster before or is not ACTIVE */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raise(Registration registration, RosterHit hit) {
        if (!registration.isActive()) {
            return Optional.empty();
        }
        ObjectNode evidence = JsonNodeFactory.instance.objectNode();
        evidence.put("personKey", "same");
        evidence.put("rosterSystem", hit.system().name());
        evidence.put("rosterProvince", hit.provinceCode());
        evidence.put("rosterLine", hit.line());
        evidence.put("rosterSchoolName", hit.schoolName());
        evidence.put("rosterStatus", hit.status());
        evidence.put("idNumberMasked", hit.idNumberMasked());
        evidence.put("name", Evidence.sameOrDifferent(hit.name(), registration.name));
        evidence.put("gender", Evidence.sameOrDifferent(hit.gender(), registration.gender.name()));
        evidence.put("birthDate", Evidence.sameOrDifferent(hit.birthDate(), registration.birthDate));
        Evidence.pair(evidence, "names", registration.name, hit.name());
        return alerts.raise(AlertType.CROSS_SYSTEM_REGISTRATION, pairKey(registration, hit), List.of(registration), null,
                evidence);
    }
}
