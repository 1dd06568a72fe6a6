package org.techschools.registration.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.events.SchoolUpserted;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;
import org.techschools.registration.domain.School;
import org.techschools.registration.domain.SchoolMajor;

/** Keeps our projection of the school directory (学校名录) current from {@code SchoolUpserted}. */
@ApplicationScoped
public class SchoolDirectoryCopy {

    @Inject
    Clock clock;

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
        school.qualifiedYears = event.qualifiedYears() == null ? new int[0]
                : event.qualifiedYears().stream().mapToInt(Integer::intValue).toArray();
        school.updatedAt = clock.instant();
        if (existing == null) {
            school.persist();
        }
        fileMajors(school.code, event.majors() == null ? List.of() : event.majors());
    }

    /**
     * The school a transfer lands at (转入学校): it must be in the directory, qualified for {@code year} and have filed
     * the major at the class level; else 422 naming {@code toSchoolCode} and the rule broken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public School receivingSchool(String code, String majorCode, ClassLevel level, int year) {
        School school = School.findById(code);
        if (school == null) {
            throw refused("unknown-school", "the receiving school is not in the school directory");
        }
        if (!school.qualifiedIn(year)) {
            throw refused("school-not-qualified", "the receiving school is not qualified to enrol in " + year);
        }
        if (!SchoolMajor.filed(code, majorCode, level)) {
            throw refused("major-not-filed", "the receiving school has not filed the 学籍's major at its class level");
        }
        return school;
    }

    /** The event carries the whole filed catalogue: majors no longer in it are dropped. */
    private static void fileMajors(String schoolCode, List<SchoolUpserted.Major> majors) {
        Map<String, SchoolUpserted.Major> wanted = new HashMap<>();
        majors.forEach(m -> wanted.put(m.code(), m));
        for (SchoolMajor stored : SchoolMajor.ofSchool(schoolCode)) {
            SchoolUpserted.Major now = wanted.remove(stored.majorCode);
            if (now == null) {
                stored.delete();
            } else {
                stored.name = now.name();
                stored.levels = levels(now);
            }
        }
        wanted.values().forEach(m -> {
            SchoolMajor major = new SchoolMajor();
            major.schoolCode = schoolCode;
            major.majorCode = m.code();
            major.name = m.name();
            major.levels = levels(m);
            major.persist();
        });
    }

    private static String[] levels(SchoolUpserted.Major major) {
        return major.levels() == null ? new String[0] : major.levels().stream().map(ClassLevel::name).toArray(String[]::new);
    }

    private static ProblemException refused(String rule, String message) {
        return ProblemException.unprocessable(List.of(new FieldError("toSchoolCode", rule, message)));
    }
}
