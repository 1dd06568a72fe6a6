package org.techschools.registration.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.Gender;
import org.techschools.commons.domain.IntakeSeason;
import org.techschools.commons.domain.StudyMode;
import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RegistrationStatus;

/** The 学籍 registry, read by id (ID number masked). */
@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registrations")
public class RegistrationResource {

    @Inject
    CallerScope scope;

    public record RegistrationView(UUID id, UUID enrollmentId, String schoolCode, String sourceRecordId, String personKey,
            String idNumberMasked, String name, Gender gender, LocalDate birthDate, StudyMode studyMode, ClassLevel classLevel,
            String majorCode, int intakeYear, IntakeSeason intakeSeason, LocalDate enrolledOn, String provinceCode,
            String cityCode, RegistrationStatus status, Instant registeredAt, Instant updatedAt) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AUDITOR, Roles.NATIONAL, Roles.PROVINCE, Roles.CITY, Roles.SCHOOL })
    @Transactional
    @Operation(summary = "One 学籍; 404 when absent or outside the caller's scope")
    public RegistrationView get(@RestPath String id) {
        Registration r;
        try {
            r = Registration.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            r = null;
        }
        if (r == null || !scope.covers(r.provinceCode, r.cityCode, r.schoolCode)) {
            throw ProblemException.notFound("registration " + id);
        }
        return new RegistrationView(r.id, r.enrollmentId, r.schoolCode, r.sourceRecordId, r.personKey, r.idNumberMasked,
                r.name, r.gender, r.birthDate, r.studyMode, r.classLevel, r.majorCode, r.intakeYear, r.intakeSeason,
                r.enrolledOn, r.provinceCode, r.cityCode, r.status, r.registeredAt, r.updatedAt);
    }
}
