package org.techschools.registration.domain;

public enum AlertSeverity {
    HIGH,
    MEDIUM,
    LOW
}
