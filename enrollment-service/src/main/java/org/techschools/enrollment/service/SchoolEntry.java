package org.techschools.enrollment.service;

import java.util.List;

/**
 * A school as an office enters it into the directory (学校名录): enums and codes still text, so {@link SchoolDirectory}
 * names every field that breaks a rule.
 */
public record SchoolEntry(String code, String name, String type, String provinceCode, String cityCode, Boolean provincial,
        String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors, String brochureUrl,
        String complaintHotline) {

    public record Major(String code, String name, List<String> levels) {
    }
}
