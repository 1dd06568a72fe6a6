package org.techschools.quota.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.commons.events.SchoolUpserted;
import org.techschools.quota.domain.School;

/** The projection of enrollment-service's school directory (学校名录) that the dashboards name schools by. */
@ApplicationScoped
public class SchoolDirectory {

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
    }
}
