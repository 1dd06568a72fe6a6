package org.techschools.registration.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.IntakeSeason;
import org.techschools.registration.domain.ApproachingDeadline;
import org.techschools.registration.domain.School;

/**
 * 学籍注册截止提醒: the registration deadlines (configured per province, see {@link LateRegistrationCheck#deadlineOf})
 * falling within the next days, for the provinces of the directory's schools, with each school's 学籍 of the intake.
 */
@ApplicationScoped
public class RegistrationDeadlineWatch {

    @Inject
    LateRegistrationCheck deadlines;

    @Inject
    Clock clock;

    /**
     * @param within       days ahead (0: deadlines of today only)
     * @param provinceCode one province, or null for every province with schools
     * @param cityCode     when not null, only this city's schools (a city office's view)
     */
    @Transactional
    public List<ApproachingDeadline> approaching(int within, String provinceCode, String cityCode) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Registry.CHINA);
        List<String> provinces = provinceCode != null ? List.of(provinceCode)
                : School.provinceCodes();
        List<ApproachingDeadline> approaching = new ArrayList<>();
        for (String province : provinces) {
            for (int year = today.getYear(); year <= today.plusDays(within).getYear(); year++) {
                for (IntakeSeason season : IntakeSeason.values()) {
                    Optional<LocalDate> deadline = deadlines.deadlineOf(province, year, season);
                    if (deadline.isEmpty() || deadline.get().isBefore(today) || deadline.get().isAfter(today.plusDays(within))) {
                        continue;
                    }
                    List<ApproachingDeadline.School> schools = School.withRegisteredOfIntake(province, cityCode, year, season);
                    approaching.add(new ApproachingDeadline(province, year, season.name(), deadline.get(),
                            ChronoUnit.DAYS.between(today, deadline.get()), (int) schools.stream().filter(s -> s.registered() == 0).count(),
                            schools));
                }
            }
        }
        approaching.sort(Comparator.comparing(ApproachingDeadline::deadline).thenComparing(ApproachingDeadline::provinceCode));
        return approaching;
    }
}
