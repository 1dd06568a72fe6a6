package org.techschools.registration.domain;

public enum AlertSeverity {
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    /** How the console names the severity. */
    public final String label;

    AlertSeverity(String label) {
        this.label = label;
    }
}
