package org.techschools.enrollment.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.techschools.commons.messaging.TransientFailures;
import org.techschools.commons.rest.FieldError;
import org.techschools.commons.rest.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.service.EnrollmentIntake;
import org.techschools.enrollment.service.EnrollmentRules;

/** Enrollment intake from school systems (招生录取数据报送) and the record with its check result. */
@Path("/api/v1/enrollments")
public class EnrollmentResource {

    @Inject
    EnrollmentIntake intake;

    @Inject
    CallerScope caller;

    @ConfigProperty(name = "platform.enrollment.batch-limit", defaultValue = "5000")
    int batchLimit;

    /** 201 for a new record, 200 for the same push again (UNCHANGED) or new content (CORRECTED). */
    @POST
    @RolesAllowed(Roles.SCHOOL)
    public Response push(EnrollmentRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(List.of(new FieldError("$", "required", "request body is required")));
        }
        if (request.schoolCode() != null && !request.schoolCode().equals(caller.school())) {
            throw ProblemException.forbidden("a school may push records of its own school only");
        }
        EnrollmentIntake.Result result = submitRetryingRace(List.of(request)).get(0);
        if (result.outcome() == EnrollmentIntake.Outcome.REJECTED) {
            boolean structural = result.errors().stream().anyMatch(e -> EnrollmentRules.STRUCTURAL_RULES.contains(e.rule()));
            throw structural ? ProblemException.badRequest(result.errors()) : ProblemException.unprocessable(result.errors());
        }
        EnrollmentView view = EnrollmentView.of(Enrollment.findById(result.id()));
        return Response.status(result.outcome() == EnrollmentIntake.Outcome.CREATED ? 201 : 200)
                .header("X-Enrollment-Outcome", result.outcome().name()).entity(view).build();
    }

    /** Up to {@code platform.enrollment.batch-limit} items; answers per item; stores every valid item and none of an invalid one. */
    @POST
    @Path("/batch")
    @RolesAllowed(Roles.SCHOOL)
    public EnrollmentBatchResponse pushBatch(EnrollmentBatchRequest request) {
        if (request == null || request.items() == null) {
            throw ProblemException.badRequest(List.of(new FieldError("items", "required", "items is required")));
        }
        if (request.items().size() > batchLimit) {
            throw new ProblemException(413, "Payload too large", "a batch holds at most " + batchLimit + " items",
                    List.of(new FieldError("items", "batch-limit", "at most " + batchLimit + " items, got " + request.items().size())));
        }
        List<EnrollmentIntake.Result> results = submitRetryingRace(request.items());
        List<EnrollmentBatchResponse.Item> items = new java.util.ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            EnrollmentIntake.Result r = results.get(i);
            items.add(new EnrollmentBatchResponse.Item(i, r.outcome().name(), r.id(), r.errors().isEmpty() ? null : r.errors()));
        }
        return new EnrollmentBatchResponse(items);
    }

    @GET
    @Path("/{schoolCode}/{sourceRecordId}")
    @RolesAllowed({ Roles.SCHOOL, Roles.CITY, Roles.PROVINCE, Roles.NATIONAL, Roles.AUDITOR })
    public EnrollmentView get(@PathParam("schoolCode") String schoolCode, @PathParam("sourceRecordId") String sourceRecordId) {
        Enrollment e = Enrollment.findBySource(schoolCode, sourceRecordId);
        if (e == null || !caller.covers(e.provinceCode, e.cityCode, e.schoolCode)) {
            throw ProblemException.notFound("enrollment " + schoolCode + "/" + sourceRecordId);
        }
        return EnrollmentView.of(e);
    }

    /** Two pushes of one new record racing each other: the loser retries and finds the winner's row. */
    private List<EnrollmentIntake.Result> submitRetryingRace(List<EnrollmentRequest> items) {
        try {
            return intake.submit(items, caller.school());
        } catch (RuntimeException e) {
            if (!TransientFailures.isConstraintRace(e)) {
                throw e;
            }
            return intake.submit(items, caller.school());
        }
    }
}
