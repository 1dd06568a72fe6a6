package org.techschools.enrollment.rest;

import java.util.List;

import org.techschools.enrollment.service.SchoolProfile;

/** A school as offices and the public see it, with its sanctions (处理处罚) newest first, current and past. */
public record SchoolView(String code, String name, String type, String typeLabel, String provinceCode, String cityCode,
        boolean provincial, String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors,
        String brochureUrl, String complaintHotline, List<SanctionView> sanctions) {

    public record Major(String code, String name, List<String> levels) {
    }

    /** The sanctions are shown without who recorded them, as the public list shows them. */
    public static SchoolView of(SchoolProfile s) {
        return new SchoolView(s.code(), s.name(), s.type().name(), s.type().label, s.provinceCode(), s.cityCode(), s.provincial(),
                s.ownership(), s.hotline(), s.qualifiedYears(),
                s.majors().stream().map(m -> new Major(m.code(), m.name(), m.levels().stream().map(Enum::name).toList())).toList(),
                s.brochureUrl(), s.complaintHotline(), s.sanctions().stream().map(SanctionView::publicly).toList());
    }
}
