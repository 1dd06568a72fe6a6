package org.techschools.quota.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Looks for 年度总结 past their due day every {@code quota.annual-summary.check-every} and announces them. */
@ApplicationScoped
public class AnnualSummaryReminders {

    @Inject
    AnnualSummaryFilingService filings;

    @Scheduled(every = "${quota.annual-summary.check-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        filings.announceOverdue();
    }
}
