package org.techschools.registration.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test enrollment record as enrollment-service would announce it on {@code enrollment-events}: only the
 * personKey and the masked ID, never an ID number. Fluent setters; defaults make a full-time student in 330100.
 */
public final class Enrollment {

    public final UUID enrollmentId = UUID.randomUUID();
    public String schoolCode;
    public String sourceRecordId = "R-" + TestEvents.suffix();
    public String personKey;
    public String idNumberMasked = "3301**************";
    public String originRegion;
    /** EnrollmentRecorded's schema version: 2 since masks cannot be inverted; 1 is what older events on the topic carry. */
    public int schemaVersion = 2;
    public String name;
    public String gender = "MALE";
    public LocalDate birthDate;
    public int intakeYear = 2025;
    public String intakeSeason = "AUTUMN";
    public String enrolledOn = "2025-09-01";
    /** Within the autumn 2025 deadline by default, so tests of other checks see no LATE_REGISTRATION. */
    public Instant recordedAt = Instant.parse("2025-09-10T02:00:00Z");
    public String studyMode = "FULL_TIME";
    public String provinceCode = "330000";
    public String cityCode = "330100";
    public int version = 1;
    public String classLevel = "INTERMEDIATE";

    /** Given names whose readings all differ, so generated people never look alike to the PROBABLE_DUPLICATE check. */
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚";

    private Enrollment(String personKey, String schoolCode) {
        this.personKey = personKey;
        this.schoolCode = schoolCode;
        // Derived from the person: one person's records agree, different people almost never share birth date and name.
        long h = Long.parseUnsignedLong(personKey.substring(0, 15), 16);
        this.birthDate = LocalDate.of(1990, 1, 1).plusDays(h % 7300);
        this.name = "张" + GIVEN.charAt((int) (h / 7300 % GIVEN.length())) + GIVEN.charAt((int) (h / 7300 / GIVEN.length() % GIVEN.length()));
    }

    public Enrollment born(LocalDate birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    public Enrollment recordedAt(Instant recordedAt) {
        this.recordedAt = recordedAt;
        return this;
    }

    public Enrollment intake(int year, String season, String enrolledOn) {
        this.intakeYear = year;
        this.intakeSeason = season;
        this.enrolledOn = enrolledOn;
        return this;
    }

    public static Enrollment of(String personKey, String schoolCode) {
        return new Enrollment(personKey, schoolCode);
    }

    public Enrollment partTime() {
        studyMode = "PART_TIME";
        return this;
    }

    public Enrollment named(String name) {
        this.name = name;
        return this;
    }

    public Enrollment gender(String gender) {
        this.gender = gender;
        return this;
    }

    /** As an event written before schema version 2: the older mask (first 6 + last 4) and the origin to the county. */
    public Enrollment asVersion1(String olderMask, String countyOrigin) {
        this.schemaVersion = 1;
        this.idNumberMasked = olderMask;
        this.originRegion = countyOrigin;
        return this;
    }

    /** 技师班 goes out under EnrollmentRecorded's schema version 3, every other level under 2. */
    public Enrollment level(String classLevel) {
        this.classLevel = classLevel;
        this.schemaVersion = "TECHNICIAN".equals(classLevel) ? 3 : 2;
        return this;
    }

    public Enrollment inCity(String cityCode) {
        this.cityCode = cityCode;
        this.provinceCode = cityCode.substring(0, 2) + "0000";
        return this;
    }

    /** An {@code EnrollmentRecorded} envelope with a fresh eventId. */
    public String recorded() {
        return recorded(UUID.randomUUID());
    }

    public String recorded(UUID eventId) {
        ObjectNode p = TestEvents.MAPPER.createObjectNode();
        p.put("enrollmentId", enrollmentId.toString());
        p.put("schoolCode", schoolCode);
        p.put("sourceRecordId", sourceRecordId);
        p.put("version", version);
        p.put("personKey", personKey);
        p.put("idType", "RESIDENT_ID");
        p.put("idNumberMasked", idNumberMasked);
        p.put("name", name);
        p.put("gender", gender);
        p.put("birthDate", birthDate.toString());
        p.put("majorCode", "0101");
        p.put("classLevel", classLevel);
        p.put("studyMode", studyMode);
        p.put("intakeYear", intakeYear);
        p.put("intakeSeason", intakeSeason);
        p.put("enrolledOn", enrolledOn);
        p.put("sourceCategory", "JUNIOR_HIGH_GRADUATE");
        p.put("originRegion", originRegion);
        p.putArray("priorityFlags");
        p.putNull("employer");
        p.put("schoolProvinceCode", provinceCode);
        p.put("schoolCityCode", cityCode);
        p.put("schoolType", "TECHNICIAN_COLLEGE");
        p.put("schoolProvincial", false);
        p.put("recordedAt", recordedAt.toString());
        return TestEvents.envelope(eventId, "EnrollmentRecorded", schemaVersion, personKey, p);
    }

    /** An {@code EnrollmentWithdrawn} envelope (退学) with a fresh eventId. */
    public String withdrawn() {
        ObjectNode p = TestEvents.MAPPER.createObjectNode();
        p.put("enrollmentId", enrollmentId.toString());
        p.put("schoolCode", schoolCode);
        p.put("sourceRecordId", sourceRecordId);
        p.put("version", version + 1);
        p.put("personKey", personKey);
        p.put("reason", "student left the school");
        p.put("withdrawnAt", Instant.now().toString());
        return TestEvents.envelope(UUID.randomUUID(), "EnrollmentWithdrawn", 1, personKey, p);
    }
}
