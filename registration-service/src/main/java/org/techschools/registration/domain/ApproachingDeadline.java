package org.techschools.registration.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A 学籍 registration deadline (学籍注册截止) coming up for an intake of a province, with each school's 学籍 of that
 * intake so far. The platform sees a student once the school pushes the record (which registers the 学籍), so before
 * the deadline a school with few or none registered is the one to remind.
 *
 * @param schoolsWithNone how many of the listed schools have no 学籍 of the intake yet
 */
public record ApproachingDeadline(String provinceCode, int intakeYear, String intakeSeason, LocalDate deadline, long daysLeft,
        int schoolsWithNone, List<School> schools) {

    /** @param registered 在籍 and 休学 学籍 of the intake at the school */
    public record School(String schoolCode, String schoolName, String cityCode, long registered) {
    }
}
