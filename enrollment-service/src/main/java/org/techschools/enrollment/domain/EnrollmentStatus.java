package org.techschools.enrollment.domain;

/** A record stays in the table when withdrawn (撤销): corrections and withdrawals are history, never deletes. */
public enum EnrollmentStatus {
    ACTIVE,
    WITHDRAWN
}
