package org.techschools.quota.service;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.events.SchoolUpserted;
import org.techschools.quota.domain.School;
import org.techschools.quota.domain.SchoolMajor;

/**
 * The projection of enrollment-service's school directory (学校名录) that the dashboards name schools by, with the
 * filed major catalogue (专业目录备案) that plans are checked against.
 */
@ApplicationScoped
public class SchoolDirectoryCopy {

    @Transactional(Transactional.TxType.MANDATORY)
    public void upserted(SchoolUpserted event) {
        School school = School.findById(event.code());
        if (school == null) {
            school = new School();
            school.code = event.code();
        }
        school.name = event.name();
        school.type = event.type().name();
        school.provinceCode = event.provinceCode();
        school.cityCode = event.cityCode();
        school.provincial = event.provincial();
        school.persist();
        // The event carries the whole catalogue: what it no longer lists is no longer filed.
        SchoolMajor.delete("schoolCode", event.code());
        SchoolMajor.flush();
        if (event.majors() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (SchoolUpserted.Major major : event.majors()) {
            if (major == null || major.code() == null || major.levels() == null) {
                continue;
            }
            for (ClassLevel level : major.levels()) {
                if (level != null && seen.add(major.code() + "|" + level)) {
                    SchoolMajor row = new SchoolMajor();
                    row.schoolCode = event.code();
                    row.majorCode = major.code();
                    row.classLevel = level.name();
                    row.majorName = major.name() == null ? major.code() : major.name();
                    row.persist();
                }
            }
        }
    }
}
