package org.techschools.registration.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.commons.events.SchoolUpserted;
import org.techschools.registration.domain.School;

/** Keeps our projection of the school directory (学校名录) current from {@code SchoolUpserted}. */
@ApplicationScoped
public class SchoolDirectory {

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(SchoolUpserted event) {
        School existing = School.findById(event.code());
        School school = existing != null ? existing : new School();
        school.code = event.code();
        school.name = event.name();
        school.type = event.type();
        school.provinceCode = event.provinceCode();
        school.cityCode = event.cityCode();
        school.provincial = event.provincial();
        school.updatedAt = Instant.now();
        if (existing == null) {
            school.persist();
        }
    }
}
