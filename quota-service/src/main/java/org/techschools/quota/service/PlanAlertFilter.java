package org.techschools.quota.service;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.alerts.AlertStatus;
import org.techschools.quota.domain.PlanAlertType;

/** The plan-alert query; null fields do not filter. The cursor continues after the last alert of the previous page. */
public record PlanAlertFilter(PlanAlertType type, AlertStatus status, String province, String city, String school,
        Integer year, int limit, KeysetCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
