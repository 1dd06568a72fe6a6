package org.techschools.enrollment.rest;

import java.util.List;

import org.techschools.enrollment.domain.School;

/** A school as offices and the public see it. */
public record SchoolView(String code, String name, String type, String typeLabel, String provinceCode, String cityCode,
        boolean provincial, String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors) {

    public record Major(String code, String name, List<String> levels) {
    }

    public static SchoolView of(School s) {
        return new SchoolView(s.code, s.name, s.type.name(), s.type.label, s.provinceCode, s.cityCode, s.provincial,
                s.ownership, s.hotline, s.qualifiedYearList(),
                s.majors.stream().map(m -> new Major(m.majorCode, m.majorName,
                        m.levelList().stream().map(Enum::name).toList())).toList());
    }
}
