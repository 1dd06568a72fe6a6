package org.techschools.enrollment.rest;

import java.util.List;

import org.techschools.enrollment.service.SchoolEntry;

/** Body of {@code POST /api/v1/schools}: enums and codes as strings so every broken rule can be reported by field. */
public record SchoolRequest(String code, String name, String type, String provinceCode, String cityCode, Boolean provincial,
        String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors, String brochureUrl,
        String complaintHotline) {

    public record Major(String code, String name, List<String> levels) {
    }

    SchoolEntry toEntry() {
        return new SchoolEntry(code, name, type, provinceCode, cityCode, provincial, ownership, hotline, qualifiedYears,
                majors == null ? null : majors.stream().map(m -> m == null ? null : new SchoolEntry.Major(m.code(), m.name(), m.levels()))
                        .toList(),
                brochureUrl, complaintHotline);
    }
}
