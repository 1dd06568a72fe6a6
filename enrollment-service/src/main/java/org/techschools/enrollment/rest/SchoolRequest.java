package org.techschools.enrollment.rest;

import java.util.List;

/** Body of {@code POST /api/v1/schools}: enums and codes as strings so every broken rule can be reported by field. */
public record SchoolRequest(String code, String name, String type, String provinceCode, String cityCode, Boolean provincial,
        String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors, String brochureUrl,
        String complaintHotline) {

    public record Major(String code, String name, List<String> levels) {
    }
}
