package org.techschools.enrollment.rest;

import java.util.List;

public record EnrollmentBatchRequest(List<EnrollmentRequest> items) {
}
