package org.techschools.registration.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Schools announced on {@code school-events} as enrollment-service's directory does, for registration-service's projection. */
public final class Schools {

    public static final String SCHOOL_EVENTS = "school-events";

    private Schools() {
    }

    /**
     * The years a receiving school must be qualified for to take a transfer decided now: this year in China and the
     * next, so a decision that falls after midnight of 31 December still finds the school qualified.
     */
    public static List<Integer> qualifiedNow() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return List.of(year, year + 1);
    }

    /** Publishes a SchoolUpserted; {@code majors} are codes filed for INTERMEDIATE and ADVANCED. */
    public static void upsert(String code, String cityCode, List<Integer> qualifiedYears, List<String> majors) {
        ObjectNode p = TestEvents.MAPPER.createObjectNode();
        p.put("code", code);
        p.put("name", "技工学校 " + code);
        p.put("type", "TECHNICAL_SCHOOL");
        p.put("provinceCode", cityCode.substring(0, 2) + "0000");
        p.put("cityCode", cityCode);
        p.put("provincial", false);
        p.putNull("ownership");
        p.putNull("hotline");
        var years = p.putArray("qualifiedYears");
        for (int year : qualifiedYears) {
            years.add(year);
        }
        var filed = p.putArray("majors");
        for (String major : majors) {
            ObjectNode m = filed.addObject();
            m.put("code", major);
            m.put("name", "专业 " + major);
            m.putArray("levels").add("INTERMEDIATE").add("ADVANCED");
        }
        TestEvents.send(SCHOOL_EVENTS, code, TestEvents.envelope(UUID.randomUUID(), "SchoolUpserted", 1, code, p));
    }
}
