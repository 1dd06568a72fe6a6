package org.techschools.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Looks for 进展表 past their due day every {@code platform.progress-report.check-every} and announces them. */
@ApplicationScoped
public class ProgressReportReminders {

    @Inject
    ProgressReports reports;

    @Scheduled(every = "${platform.progress-report.check-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        reports.announceOverdue();
    }
}
