package org.techschools.registration.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.commons.domain.StudyMode;
import org.techschools.registration.domain.AlertType;
import org.techschools.registration.domain.Registration;

/**
 * 双重学籍: the person holds ACTIVE full-time (全日制) 学籍 at two different schools at once.
 * The seed notice refers such cases for discipline, hence severity HIGH.
 */
@ApplicationScoped
public class DoubleRegistrationCheck implements ConflictCheck {

    @Override
    public AlertType type() {
        return AlertType.DOUBLE_REGISTRATION;
    }

    @Override
    public Optional<ObjectNode> evidence(Registration first, Registration second) {
        boolean otherSchool = !first.schoolCode.equals(second.schoolCode);
        boolean bothFullTime = first.studyMode == StudyMode.FULL_TIME && second.studyMode == StudyMode.FULL_TIME;
        if (!otherSchool || !bothFullTime) {
            return Optional.empty();
        }
        ObjectNode evidence = Evidence.samePerson(first, second);
        evidence.put("school", "different");
        evidence.put("studyMode", "both FULL_TIME");
        return Optional.of(evidence);
    }
}
