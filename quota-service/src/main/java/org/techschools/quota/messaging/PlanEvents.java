package org.techschools.quota.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.Topics;
import org.techschools.commons.messaging.Outbox;
import org.techschools.quota.domain.EnrollmentPlan;
import org.techschools.quota.domain.PlanHistoryEntry;
import org.techschools.quota.domain.PlanLineValue;

/** Publishes each plan step on {@code quota-events} through the outbox, in the transaction of the step. */
@ApplicationScoped
public class PlanEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(EnrollmentPlan plan, PlanHistoryEntry step, List<PlanLineValue> lines) {
        long total = lines.stream().mapToLong(PlanLineValue::count).sum();
        PlanChanged event = new PlanChanged(plan.id, plan.schoolCode, plan.provinceCode, plan.cityCode, plan.year,
                step.action.name(), plan.status.name(), lines, total, step.adjustmentId, step.note, step.actor,
                step.at);
        outbox.append(Topics.QUOTA_EVENTS, PlanChanged.TYPE, PlanChanged.schemaVersion(lines), plan.schoolCode, event);
    }
}
