package org.techschools.enrollment.service;

import java.time.LocalDate;
import java.util.List;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.domain.SchoolType;
import org.techschools.enrollment.domain.School;
import org.techschools.enrollment.domain.SchoolSanction;

/** A school of the directory with its filed majors and its sanctions (处理处罚) newest first, current and past. */
public record SchoolProfile(String code, String name, SchoolType type, String provinceCode, String cityCode, boolean provincial,
        String ownership, String hotline, List<Integer> qualifiedYears, List<Major> majors, String brochureUrl,
        String complaintHotline, List<Sanction> sanctions) {

    public record Major(String code, String name, List<ClassLevel> levels) {
    }

    /** @param sanctions the school's, newest first */
    static SchoolProfile of(School s, List<SchoolSanction> sanctions, LocalDate today) {
        return new SchoolProfile(s.code, s.name, s.type, s.provinceCode, s.cityCode, s.provincial, s.ownership, s.hotline,
                s.qualifiedYearList(), s.majors.stream().map(m -> new Major(m.majorCode, m.majorName, m.levelList())).toList(),
                s.brochureUrl, s.complaintHotline, sanctions.stream().map(x -> Sanction.of(x, today)).toList());
    }
}
