package org.techschools.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.testinfra.ResidentIds;

/** Schools and valid enrollment records for the benchmarks (unique codes per run, so runs never collide). */
final class Workload {

    static final ObjectMapper JSON = new ObjectMapper();

    private Workload() {
    }

    /** Creates a qualified school through the API as the Zhejiang province office; returns its code. */
    static String createSchool(LocalPlatform platform, String prefix, String city) throws IOException, InterruptedException {
        return createSchool(platform, prefix, city, 2026);
    }

    /** Creates a school qualified for {@code intakeYear} through the API as the Zhejiang province office; returns its code. */
    static String createSchool(LocalPlatform platform, String prefix, String city, int intakeYear)
            throws IOException, InterruptedException {
        String code = prefix + "-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Map<String, Object> school = Map.of("code", code, "name", "基准测试学校 " + code, "type", "TECHNICIAN_COLLEGE",
                "provinceCode", "330000", "cityCode", city, "provincial", false, "qualifiedYears", List.of(intakeYear),
                "majors", List.of(Map.of("code", "0401", "name", "数控加工", "levels", List.of("INTERMEDIATE", "ADVANCED"))));
        var answer = platform.post(platform.enrollmentUrl() + "/api/v1/schools", platform.token("province", "--region", "330000"),
                JSON.writeValueAsString(school));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("creating school " + code + " failed: " + answer.statusCode() + " " + answer.body());
        }
        return code;
    }

    /** A person: a valid resident ID with its birth date and gender. */
    record Person(String idNumber, LocalDate birthDate, boolean male, String name) {
        private static final LocalDate FIRST_BIRTH = LocalDate.of(2008, 1, 1);
        private static final int BIRTH_DAYS = 1096;
        private static final int SEQUENCES = 500;
        /** How many persons {@link #distinct} tells apart: birth days x sequence numbers x two genders. */
        static final int DISTINCT = BIRTH_DAYS * SEQUENCES * 2;

        static Person random() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            LocalDate birth = LocalDate.of(2008 + r.nextInt(3), 1 + r.nextInt(12), 1 + r.nextInt(28));
            boolean male = r.nextBoolean();
            return new Person(ResidentIds.of("330102", birth, male), birth, male, randomName());
        }

        /**
         * The index-th of {@link #DISTINCT} different resident ID numbers (births 2008-2010, region 330102): random IDs
         * collide by the thousand in 100,000 records, and every collision would be a double registration nobody planted.
         */
        static Person distinct(int index) {
            int i = Math.floorMod(index, DISTINCT);
            boolean male = i % 2 == 1;
            LocalDate birth = FIRST_BIRTH.plusDays((i / 2) % BIRTH_DAYS);
            int sequence = (i / 2 / BIRTH_DAYS) * 2 + (male ? 1 : 0);
            String first17 = "330102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
            return new Person(first17 + ResidentIdNumber.checkCharacter(first17), birth, male, randomName());
        }

        private static String randomName() {
            return Names.random(ThreadLocalRandom.current());
        }
    }

    /** Pushes the items through {@code POST /api/v1/enrollments/batch}; every one must be accepted (200, none REJECTED). */
    static void pushBatch(LocalPlatform platform, String token, List<Map<String, Object>> items)
            throws IOException, InterruptedException {
        pushBatch(platform, token, batchBody(items));
    }

    /** The body of a batch push, for callers that prepare it before a timed phase. */
    static String batchBody(List<Map<String, Object>> items) throws IOException {
        return JSON.writeValueAsString(Map.of("items", items));
    }

    /** Pushes a prepared {@link #batchBody}; every item must be accepted (200, none REJECTED). */
    static void pushBatch(LocalPlatform platform, String token, String body) throws IOException, InterruptedException {
        pushBatch(platform, platform.enrollmentUrl(), token, body);
    }

    /** As {@link #pushBatch(LocalPlatform, String, String)}, to the enrollment API at {@code url} (one instance's own). */
    static void pushBatch(LocalPlatform platform, String url, String token, String body) throws IOException, InterruptedException {
        var answer = platform.post(url + "/api/v1/enrollments/batch", token, body);
        if (answer.statusCode() != 200 || answer.body().contains("\"REJECTED\"")) {
            String text = answer.body();
            throw new IllegalStateException("batch failed: " + answer.statusCode() + " " + text.substring(0, Math.min(300, text.length())));
        }
    }

    static Map<String, Object> enrollment(String school, String sourceRecordId, Person p) {
        return enrollment(school, sourceRecordId, p, "0401", 2026, "AUTUMN", "2026-09-01");
    }

    /** A full-time 中级工班 record of the given major and intake (the school must file the major for that year). */
    static Map<String, Object> enrollment(String school, String sourceRecordId, Person p, String majorCode, int intakeYear,
            String intakeSeason, String enrolledOn) {
        Map<String, Object> student = Map.of("idType", "RESIDENT_ID", "idNumber", p.idNumber(), "name", p.name(),
                "gender", p.male() ? "MALE" : "FEMALE", "birthDate", p.birthDate().toString());
        Map<String, Object> e = new java.util.HashMap<>();
        e.put("schoolCode", school);
        e.put("sourceRecordId", sourceRecordId);
        e.put("student", student);
        e.put("majorCode", majorCode);
        e.put("classLevel", "INTERMEDIATE");
        e.put("studyMode", "FULL_TIME");
        e.put("intakeYear", intakeYear);
        e.put("intakeSeason", intakeSeason);
        e.put("enrolledOn", enrolledOn);
        e.put("sourceCategory", "初中毕业生");
        e.put("originRegion", "330102");
        e.put("priorityFlags", List.of());
        return e;
    }

    static List<Map<String, Object>> enrollments(String school, String prefix, int count) {
        List<Map<String, Object>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(enrollment(school, prefix + "-" + i, Person.random()));
        }
        return items;
    }
}
