package org.techschools.registration.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RosterHit;
import org.techschools.registration.domain.Rosters;

/**
 * 跨系统学籍: the holder of an ACTIVE 学籍 here is 在籍 on an imported roster of the education system (普通高中
 * or 中职), whom the notices forbid registering here (docs/DOMAIN.md#rosters). One
 * alert per 学籍 and roster (system + province), so a re-upload of the same roster raises nothing new.
 */
@ApplicationScoped
public class CrossSystemCheck {

    @Inject
    AlertRaiser alerts;

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
        return Rosters.activeRowsOf(personKeys);
    }

    /** Before a replaced roster is matched against the registry: waits until the checks reading rosters now commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRostersExclusively() {
        Rosters.holdExclusively();
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
