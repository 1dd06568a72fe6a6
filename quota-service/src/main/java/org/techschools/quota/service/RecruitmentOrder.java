package org.techschools.quota.service;

import java.util.regex.Pattern;

import org.techschools.commons.domain.SchoolType;
import org.techschools.commons.security.Regions;

/**
 * 招生秩序 of 浙人社函〔2023〕37号 as {@link PlanCompliance} applies it to each record: no cross-city recruitment
 * within the province, except by a 省属技师学院. Plain rules, testable without a database.
 */
final class RecruitmentOrder {

    private static final Pattern REGION_CODE = Pattern.compile("[0-9]{6}");

    private RecruitmentOrder() {
    }

    /**
     * Whether a student from {@code originRegion} (生源地) at a school of {@code provinceCode}/{@code cityCode} is a
     * cross-city recruit: origin in another city of the school's province, at a school other than a 省属技师学院.
     */
    static boolean crossCity(String originRegion, String provinceCode, String cityCode, String schoolType, Boolean schoolProvincial) {
        if (originRegion == null || !REGION_CODE.matcher(originRegion).matches() || originRegion.endsWith("0000") || cityCode == null) {
            return false; // no origin city known: nothing to compare
        }
        if (!Regions.province(originRegion).equals(provinceCode) || Regions.city(originRegion).equals(cityCode)) {
            return false; // out-of-province students are sought (跨区域联合培养); same city is the rule
        }
        boolean provincialTechnicianCollege = SchoolType.TECHNICIAN_COLLEGE.name().equals(schoolType)
                && Boolean.TRUE.equals(schoolProvincial);
        return !provincialTechnicianCollege;
    }
}
