package org.techschools.quota.domain;

/**
 * One line of an enrollment plan (计划明细) as offices write it and events carry it: students planned for a major
 * (专业) at a class level (班级层次) and study mode (学习形式).
 */
public record PlanLineValue(String majorCode, String classLevel, String studyMode, int count) {

    /** The identity of a line within a plan: one line per major, level and mode. */
    public String key() {
        return majorCode + "|" + classLevel + "|" + studyMode;
    }
}
