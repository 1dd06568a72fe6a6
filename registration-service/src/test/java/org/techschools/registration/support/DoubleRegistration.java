package org.techschools.registration.support;

import static org.techschools.registration.support.TestEvents.sendEnrollmentEvent;

/** One person enrolled full-time at two schools in two cities, and the DOUBLE_REGISTRATION alert that raised. */
public record DoubleRegistration(Enrollment a, Enrollment b, String alertId) {

    /** Sends both enrollments (school a in {@code cityA}, school b in {@code cityB}) and waits for the alert. */
    public static DoubleRegistration between(String cityA, String cityB) {
        String person = TestEvents.personKey();
        Enrollment a = Enrollment.of(person, TestEvents.schoolCode()).inCity(cityA);
        Enrollment b = Enrollment.of(person, TestEvents.schoolCode()).inCity(cityB);
        sendEnrollmentEvent(person, a.recorded());
        sendEnrollmentEvent(person, b.recorded());
        String alertId = (String) Alerts.awaitCount(a.schoolCode, "DOUBLE_REGISTRATION", 1).get(0).get("id");
        return new DoubleRegistration(a, b, alertId);
    }
}
