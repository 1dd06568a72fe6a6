package org.techschools.registration.service;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techschools.commons.domain.IntakeSeason;
import org.techschools.registration.config.RegistrationDeadlines;
import org.techschools.registration.domain.Registration;

/**
 * 逾期注册学籍: the 学籍 was registered after the province's deadline for its intake (Zhejiang: 31 March for the
 * spring intake, 31 October for the autumn intake of the intake year).
 * <p>
 * Registration time is the record's first {@code recordedAt} (when the school pushed it), as a date in China,
 * not {@code enrolledOn}: the deadline binds the school's registration (学籍注册), and enrolledOn is the
 * student's start date that the school types in itself — a record pushed in December with enrolledOn in
 * September is exactly the late registration the deadline is about. A later correction keeps the first
 * recordedAt, so fixing a typo never turns a record late.
 */
@ApplicationScoped
public class LateRegistrationCheck {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @Inject
    RegistrationDeadlines deadlines;

    /** @return the evidence when the 学籍 was registered after its deadline; empty when on time or its time is unknown */
    public Optional<ObjectNode> evidence(Registration registration) {
        if (registration.recordedAt == null) {
            return Optional.empty();
        }
        LocalDate registeredOn = registration.recordedAt.atZone(Registry.CHINA).toLocalDate();
        Optional<LocalDate> deadline = deadlineOf(registration.provinceCode, registration.intakeYear, registration.intakeSeason);
        if (deadline.isEmpty() || !registeredOn.isAfter(deadline.get())) {
            return Optional.empty();
        }
        ObjectNode evidence = JsonNodeFactory.instance.objectNode();
        evidence.put("provinceCode", registration.provinceCode);
        evidence.put("intakeYear", registration.intakeYear);
        evidence.put("intakeSeason", registration.intakeSeason.name());
        evidence.put("deadline", deadline.get().toString());
        evidence.put("registeredOn", registeredOn.toString());
        evidence.put("enrolledOn", registration.enrolledOn.toString());
        evidence.put("daysLate", registeredOn.toEpochDay() - deadline.get().toEpochDay());
        return Optional.of(evidence);
    }

    /** The province's own entry (a year's exception first), else the default entry; empty when none configured. */
    public Optional<LocalDate> deadlineOf(String provinceCode, int year, IntakeSeason season) {
        for (String key : new String[] { provinceCode, RegistrationDeadlines.DEFAULT }) {
            RegistrationDeadlines.Province province = deadlines.provinces().get(key);
            if (province == null) {
                continue;
            }
            RegistrationDeadlines.Season exception = province.years().get(Integer.toString(year));
            Optional<String> monthDay = exception == null ? Optional.empty()
                    : season == IntakeSeason.SPRING ? exception.spring() : exception.autumn();
            if (monthDay.isEmpty()) {
                monthDay = season == IntakeSeason.SPRING ? province.spring() : province.autumn();
            }
            if (monthDay.isPresent()) {
                return Optional.of(parse(key, monthDay.get()).atYear(year));
            }
        }
        return Optional.empty();
    }

    private static MonthDay parse(String key, String text) {
        try {
            return MonthDay.parse(text.trim(), MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("platform.registration-deadlines." + key + ": '" + text + "' is no MM-dd date", e);
        }
    }
}
