package org.techschools.quota.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which records raise a CROSS_CITY_RECRUITMENT alert (招生秩序), without Quarkus; PlanAlertsTest proves the alerts
 * over the consumer and the API. The school in each case is in 杭州 (330100), 浙江 (330000).
 */
class RecruitmentOrderTest {

    private static final String TECHNICAL_SCHOOL = "TECHNICAL_SCHOOL";
    private static final String TECHNICIAN_COLLEGE = "TECHNICIAN_COLLEGE";

    @Test
    void aStudentFromAnotherCityOfTheProvinceIsACrossCityRecruit() {
        assertTrue(atHangzhou("330282", TECHNICAL_SCHOOL, false), "慈溪, a county of 宁波");
        assertTrue(atHangzhou("330200", TECHNICAL_SCHOOL, null), "宁波 itself");
        assertTrue(atHangzhou("330382", "SENIOR_TECHNICAL_SCHOOL", false), "乐清, 温州");
    }

    @Test
    void aStudentOfTheSchoolsOwnCityIsNot() {
        assertFalse(atHangzhou("330102", TECHNICAL_SCHOOL, false), "上城区");
        assertFalse(atHangzhou("330100", TECHNICAL_SCHOOL, false), "杭州 itself");
        assertFalse(atHangzhou("330185", TECHNICAL_SCHOOL, false), "临安, a county-level city of 杭州");
    }

    @Test
    void studentsFromOtherProvincesAreSoughtNotAlerted() {
        // 跨区域联合培养: recruiting outside the province is encouraged.
        assertFalse(atHangzhou("340102", TECHNICAL_SCHOOL, false), "合肥");
        assertFalse(atHangzhou("532301", TECHNICAL_SCHOOL, false), "楚雄");
    }

    @Test
    void aProvincialTechnicianCollegeRecruitsFromTheWholeProvince() {
        assertFalse(atHangzhou("330282", TECHNICIAN_COLLEGE, true), "省属技师学院");
        assertTrue(atHangzhou("330282", TECHNICIAN_COLLEGE, false), "a city's 技师学院 is bound like any school");
        assertTrue(atHangzhou("330282", TECHNICAL_SCHOOL, true), "a provincial school that is no 技师学院 too");
    }

    @Test
    void withoutAKnownOriginCityThereIsNothingToCompare() {
        assertFalse(atHangzhou(null, TECHNICAL_SCHOOL, false));
        assertFalse(atHangzhou("330000", TECHNICAL_SCHOOL, false), "only the province known");
        assertFalse(atHangzhou("3302", TECHNICAL_SCHOOL, false), "not a division code");
        assertFalse(atHangzhou("33028X", TECHNICAL_SCHOOL, false), "not a division code");
        assertFalse(RecruitmentOrder.crossCity("330282", "330000", null, TECHNICAL_SCHOOL, false), "the school's city unknown");
    }

    private static boolean atHangzhou(String origin, String schoolType, Boolean provincial) {
        return RecruitmentOrder.crossCity(origin, "330000", "330100", schoolType, provincial);
    }
}
