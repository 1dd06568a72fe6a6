package org.techschools.registration.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;

/**
 * 全日制与非全日制学籍并存: an ACTIVE full-time and an ACTIVE part-time (非全日制) 学籍 at once. Part-time
 * study is meant for enterprise employees, so holding both is suspicious but not a 双重学籍.
 */
@ApplicationScoped
public class MixedModeOverlapCheck implements ConflictCheck {

    @Override
    public AlertType type() {
        return AlertType.MIXED_MODE_OVERLAP;
    }

    @Override
    public Optional<ObjectNode> evidence(Registration first, Registration second) {
        if (first.studyMode == second.studyMode) {
            return Optional.empty();
        }
        ObjectNode evidence = Evidence.samePerson(first, second);
        evidence.put("school", Evidence.sameOrDifferent(first.schoolCode, second.schoolCode));
        evidence.put("studyMode", "FULL_TIME and PART_TIME");
        return Optional.of(evidence);
    }
}
