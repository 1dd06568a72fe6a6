package org.techschools.enrollment.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.EnrollmentSnapshot;
import org.techschools.enrollment.domain.EnrollmentVersion;

/**
 * 更正历史: keeps the version a correction or withdrawal replaces, as callers saw it (ID masked), so the state
 * of any record at any past instant can be rebuilt (the monthly 进展表 is computed that way).
 */
@ApplicationScoped
public class EnrollmentHistory {

    @Inject
    ObjectMapper mapper;

    /** Call before changing the record: stores its current version, replaced at {@code now}. */
    public void keepCurrentVersion(Enrollment e, Instant now) {
        currentVersion(e, now).persist();
    }

    /** The record's current version, replaced at {@code now}, for the caller to store (call before changing the record). */
    public EnrollmentVersion currentVersion(Enrollment e, Instant now) {
        EnrollmentVersion previous = new EnrollmentVersion();
        previous.enrollmentId = e.id;
        previous.version = e.version;
        previous.replacedAt = now;
        try {
            previous.content = mapper.writeValueAsString(EnrollmentSnapshot.of(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return previous;
    }
}
