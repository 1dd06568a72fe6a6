package org.techschools.enrollment.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techschools.commons.problem.FieldError;

/** Per-item answer of a batch push, in the order of the request. */
public record EnrollmentBatchResponse(List<Item> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String status, UUID id, List<FieldError> errors) {
    }
}
