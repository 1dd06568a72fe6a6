package org.techschools.enrollment.rest;

import org.techschools.enrollment.service.SanctionOrder;

/**
 * Body of {@code POST /api/v1/schools/{code}/sanctions}: dates and the kind as strings so every broken rule can be
 * reported by field. {@code suspendsEnrollment} left out means the sanction does not suspend enrollment.
 */
public record SanctionRequest(String kind, String decisionNumber, String authority, String decidedOn, String from, String until,
        Boolean suspendsEnrollment) {

    SanctionOrder toOrder() {
        return new SanctionOrder(kind, decisionNumber, authority, decidedOn, from, until, suspendsEnrollment);
    }
}
