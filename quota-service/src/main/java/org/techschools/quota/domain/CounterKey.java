package org.techschools.quota.domain;

/** The dimensions of one cell of {@code enrollment_counter} (实际招生数). */
public record CounterKey(String schoolCode, String provinceCode, String cityCode, String majorCode, String classLevel,
        String studyMode, Integer intakeYear, String intakeSeason, String enrolledMonth) {
}
