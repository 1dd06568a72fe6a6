package org.techschools.enrollment.service;

import java.util.ArrayList;
import java.util.List;

import org.techschools.commons.domain.SchoolType;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.domain.SchoolMajor;

/** The intake rules without Quarkus, and the school both their example tests and their properties check against. */
final class EnrollmentRulesFixtures {

    private EnrollmentRulesFixtures() {
    }

    static EnrollmentRules rules() {
        EnrollmentRules rules = new EnrollmentRules();
        rules.divisions = new Divisions();
        return rules;
    }

    /** A school as the directory holds it: qualified for 2025 and 2026, 0401 filed for two levels, 0602 for two others. */
    static School school() {
        School school = new School();
        school.code = "S-1";
        school.name = "测试技工学校";
        school.type = SchoolType.TECHNICIAN_COLLEGE;
        school.provinceCode = "330000";
        school.cityCode = "330100";
        school.qualifiedYears = "2025,2026";
        school.majors = new ArrayList<>(List.of(major(school, "0401", "INTERMEDIATE,ADVANCED"),
                major(school, "0602", "ADVANCED,PREP_TECHNICIAN")));
        return school;
    }

    private static SchoolMajor major(School school, String code, String levels) {
        SchoolMajor major = new SchoolMajor();
        major.school = school;
        major.majorCode = code;
        major.majorName = code;
        major.levels = levels;
        return major;
    }
}
