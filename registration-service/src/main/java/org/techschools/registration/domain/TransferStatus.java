package org.techschools.registration.domain;

/** Where a 转学 request stands: PENDING until the province decides. */
public enum TransferStatus {
    PENDING,
    APPROVED,
    REJECTED
}
