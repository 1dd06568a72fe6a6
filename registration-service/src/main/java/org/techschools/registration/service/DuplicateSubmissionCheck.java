package org.techschools.registration.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;

/**
 * 重复报送: one school pushed the same person twice under two of its own record ids. Usually a clerical
 * slip in the school system, hence severity LOW.
 */
@ApplicationScoped
public class DuplicateSubmissionCheck implements ConflictCheck {

    @Override
    public AlertType type() {
        return AlertType.DUPLICATE_SUBMISSION;
    }

    @Override
    public Optional<ObjectNode> evidence(Registration first, Registration second) {
        if (!first.schoolCode.equals(second.schoolCode) || first.sourceRecordId.equals(second.sourceRecordId)) {
            return Optional.empty();
        }
        ObjectNode evidence = Evidence.samePerson(first, second);
        evidence.put("school", "same");
        evidence.put("sourceRecordId", "different");
        return Optional.of(evidence);
    }
}
