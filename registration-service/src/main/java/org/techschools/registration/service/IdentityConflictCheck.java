package org.techschools.registration.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;

/**
 * 身份信息冲突: one ID number (same personKey) registered under a different name or gender — one of the
 * two records uses someone else's identity, or carries fake identity data (虚假身份信息).
 */
@ApplicationScoped
public class IdentityConflictCheck implements ConflictCheck {

    @Override
    public AlertType type() {
        return AlertType.IDENTITY_CONFLICT;
    }

    @Override
    public Optional<ObjectNode> evidence(Registration first, Registration second) {
        boolean sameName = normalisedName(first.name).equals(normalisedName(second.name));
        boolean sameGender = first.gender == second.gender;
        if (sameName && sameGender) {
            return Optional.empty();
        }
        ObjectNode evidence = Evidence.samePerson(first, second);
        evidence.put("name", sameName ? "same" : "different");
        evidence.put("gender", sameGender ? "same" : "different");
        Evidence.pair(evidence, "names", first.name, second.name);
        Evidence.pair(evidence, "genders", first.gender.name(), second.gender.name());
        return Optional.of(evidence);
    }

    /** Spacing is not a different name: "张 三" and "张三" are the same person's name typed twice. */
    static String normalisedName(String name) {
        return name.replaceAll("[\\s\\u3000]+", "");
    }
}
