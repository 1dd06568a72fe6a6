package org.techschools.enrollment.domain;

/** The registration-service's verdict on a record: PENDING until its first check result arrives. */
public enum CheckStatus {
    PENDING,
    CLEAN,
    FLAGGED
}
