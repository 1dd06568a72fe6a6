package org.techschools.enrollment.domain;

/** Whether a 进展表 was filed (报送) by its due date: ON_TIME or LATE (按时 / 逾期). */
public enum FilingTimeliness {
    ON_TIME,
    LATE
}
