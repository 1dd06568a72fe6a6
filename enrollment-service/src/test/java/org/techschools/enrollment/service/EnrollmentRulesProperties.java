package org.techschools.enrollment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import org.techschools.commons.identity.IdNumberShape;
import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.commons.problem.FieldError;

import org.techschools.enrollment.domain.School;


/**
 * The JSON intake rules on random requests — mostly valid fields, some missing, some junk, some holding ID numbers:
 * no exception escapes, a request is either valid or rejected naming field and rule for each broken one, a rejection
 * never repeats the ID number, and what passes fits its column.
 */
class EnrollmentRulesProperties {

    private static final EnrollmentRules RULES = EnrollmentRulesFixtures.rules();
    private static final School SCHOOL = EnrollmentRulesFixtures.school();

    /** A person whose ID number, birth date and gender agree (or not, now and then). */
    record Person(String idType, String idNumber, String gender, String birthDate) {
    }

    @Property(tries = 2000)
    void everyRequestIsValidOrRejectedNamingFieldAndRule(@ForAll("requests") EnrollmentSubmission request) {
        EnrollmentRules.Outcome outcome = RULES.check(request, request.schoolCode() == null ? null : SCHOOL);
        assertNotNull(outcome);
        if (outcome.valid() == null) {
            assertFalse(outcome.errors().isEmpty(), "a rejection names what is wrong");
        } else {
            assertTrue(outcome.errors().isEmpty());
            ValidEnrollment v = outcome.valid();
            // What passes fits its column (V1__schools_enrollments_outbox.sql): a longer value would be a 500 at commit.
            assertTrue(v.sourceRecordId().length() <= 100 && v.name().length() <= 100 && v.majorCode().length() <= 32);
            assertTrue(v.employer() == null || v.employer().length() <= 200);
            assertTrue(v.sourceCategory() == null || v.sourceCategory().length() <= 64);
            assertTrue(String.join(",", v.priorityFlags()).length() <= 500);
            assertFalse(IdNumberShape.foundIn(v.sourceRecordId()) || IdNumberShape.foundIn(v.name())
                    || IdNumberShape.foundIn(v.employer()));
        }
        for (FieldError e : outcome.errors()) {
            assertFalse(e.field() == null || e.field().isBlank(), "names the field");
            assertFalse(e.rule() == null || e.rule().isBlank(), "names the rule");
            String id = request.student() == null ? null : request.student().idNumber();
            if (id != null && id.strip().length() >= 8) {
                assertFalse(e.message().contains(id.strip()), "a message never repeats the ID number");
            }
        }
        expectRefused(outcome, "sourceRecordId", request.sourceRecordId());
        expectRefused(outcome, "student.name", request.student() == null ? null : request.student().name());
        expectRefused(outcome, "employer", request.employer());

        // The generator reaches both sides: valid requests and ID numbers refused in free text.
        Statistics.label("valid").collect(outcome.valid() != null);
        Statistics.label("no-id-number").collect(outcome.errors().stream().anyMatch(e -> e.rule().equals(IdNumberShape.RULE)));
        Statistics.label("valid").coverage(c -> c.check(true).percentage(p -> p >= 0.5));
        Statistics.label("no-id-number").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    /** A free-text field holding an ID number is refused with no-id-number naming that field. */
    private static void expectRefused(EnrollmentRules.Outcome outcome, String field, String value) {
        if (IdNumberShape.foundIn(value)) {
            assertTrue(outcome.errors().stream().anyMatch(e -> e.field().equals(field) && e.rule().equals(IdNumberShape.RULE))
                    || outcome.errors().stream().anyMatch(e -> e.field().equals(field)), field + " is refused");
        }
    }

    @Provide
    Arbitrary<EnrollmentSubmission> requests() {
        return Builders.withBuilder(Draft::new)
                .use(maybe(Arbitraries.of("S-1"))).in(Draft::schoolCode)
                .use(freeText(Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(30))).in(Draft::sourceRecordId)
                .use(people()).in(Draft::person)
                .use(freeText(Arbitraries.of("张伟", "王芳", "  李强 ", "Ayşe Yılmaz", "阿依古丽·买买提"))).in(Draft::name)
                .use(maybe(Arbitraries.of("0401", "0602", "9999"))).in(Draft::majorCode)
                .use(maybe(Arbitraries.of("INTERMEDIATE", "ADVANCED", "PREP_TECHNICIAN", "advanced"))).in(Draft::classLevel)
                .use(maybe(Arbitraries.of("FULL_TIME", "PART_TIME"))).in(Draft::studyMode)
                .use(Arbitraries.oneOf(Arbitraries.of(2025, 2026), Arbitraries.integers(), Arbitraries.just(null))).in(Draft::intakeYear)
                .use(maybe(Arbitraries.of("AUTUMN", "SPRING", "autumn"))).in(Draft::intakeSeason)
                .use(maybe(Arbitraries.of("2026-09-01", "2025-03-01", "2026-02-30", "+999999999-12-31"))).in(Draft::enrolledOn)
                .use(maybe(Arbitraries.of("初中毕业生", "企业职工", "其他"))).in(Draft::sourceCategory)
                .use(maybe(Arbitraries.of("330102", "110105", "999999", "3301"))).in(Draft::originRegion)
                .use(Arbitraries.oneOf(Arbitraries.of("脱贫家庭", "订单班", "防返贫监测对象").list().ofMaxSize(3),
                        Arbitraries.strings().list().ofMaxSize(3).map(l -> new ArrayList<String>(l)), Arbitraries.just(null)))
                .in(Draft::priorityFlags)
                .use(freeText(Arbitraries.of("杭州汽轮机厂", "", " "))).in(Draft::employer)
                .use(Arbitraries.oneOf(Arbitraries.of(12, 24, 36), Arbitraries.integers(), Arbitraries.just(null))).in(Draft::programmeMonths)
                .build(Draft::request);
    }

    /** Good values mostly; sometimes missing, junk of any length, or an ID number typed into the field. */
    private static Arbitrary<String> freeText(Arbitrary<String> good) {
        return Arbitraries.frequencyOf(Tuple.of(10, good), Tuple.of(1, Arbitraries.just(null)), Tuple.of(2, Arbitraries.strings().ofMaxLength(300)),
                Tuple.of(2, idShaped()));
    }

    private static Arbitrary<String> maybe(Arbitrary<String> good) {
        return Arbitraries.frequencyOf(Tuple.of(10, good), Tuple.of(1, Arbitraries.just(null)), Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    /** A valid ID number as a school system would put it into a text field: alone, spaced, full-width, in a sentence. */
    private static Arbitrary<String> idShaped() {
        return Combinators.combine(validId(LocalDate.of(1970, 1, 1), LocalDate.of(2011, 12, 31)), Arbitraries.of(0, 1, 2, 3))
                .as((id, how) -> switch (how) {
                    case 0 -> id;
                    case 1 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14).toLowerCase();
                    case 2 -> id.chars().mapToObj(c -> String.valueOf((char) (c == 'X' ? 'Ｘ' : c - '0' + '０'))).reduce("", String::concat);
                    default -> "学生" + id + "的记录";
                });
    }

    private static Arbitrary<String> validId(LocalDate from, LocalDate to) {
        return Combinators.combine(Arbitraries.of("330102", "330106", "110105"),
                Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay),
                Arbitraries.integers().between(0, 999))
                .as((region, birth, sequence) -> {
                    String first17 = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
                    return first17 + ResidentIdNumber.checkCharacter(first17);
                });
    }

    @Provide
    Arbitrary<Person> people() {
        Arbitrary<Person> agreeing = validId(LocalDate.of(1967, 1, 1), LocalDate.of(2011, 12, 31)).map(id -> new Person("RESIDENT_ID", id,
                ResidentIdNumber.gender(id).name(), ResidentIdNumber.birthDate(id).toString()));
        Arbitrary<Person> odd = Combinators.combine(Arbitraries.of("RESIDENT_ID", "PASSPORT", "TAIWAN_PERMIT", "HK_MACAU_PERMIT", "x"),
                Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(25), idShaped(), Arbitraries.strings().numeric().ofLength(18)),
                Arbitraries.of("MALE", "FEMALE", "female", "男", ""), Arbitraries.of("2010-05-17", "2010-13-01", "1900-01-01", "x"))
                .as(Person::new);
        return Arbitraries.frequencyOf(Tuple.of(6, agreeing), Tuple.of(3, odd), Tuple.of(1, Arbitraries.just(null)));
    }

    /** The request as jqwik builds it, field by field. */
    static final class Draft {
        String schoolCode;
        String sourceRecordId;
        Person person;
        String name;
        String majorCode;
        String classLevel;
        String studyMode;
        Integer intakeYear;
        String intakeSeason;
        String enrolledOn;
        String sourceCategory;
        String originRegion;
        List<String> priorityFlags;
        String employer;
        Integer programmeMonths;

        Draft schoolCode(String value) {
            schoolCode = value;
            return this;
        }

        Draft sourceRecordId(String value) {
            sourceRecordId = value;
            return this;
        }

        Draft person(Person value) {
            person = value;
            return this;
        }

        Draft name(String value) {
            name = value;
            return this;
        }

        Draft majorCode(String value) {
            majorCode = value;
            return this;
        }

        Draft classLevel(String value) {
            classLevel = value;
            return this;
        }

        Draft studyMode(String value) {
            studyMode = value;
            return this;
        }

        Draft intakeYear(Integer value) {
            intakeYear = value;
            return this;
        }

        Draft intakeSeason(String value) {
            intakeSeason = value;
            return this;
        }

        Draft enrolledOn(String value) {
            enrolledOn = value;
            return this;
        }

        Draft sourceCategory(String value) {
            sourceCategory = value;
            return this;
        }

        Draft originRegion(String value) {
            originRegion = value;
            return this;
        }

        Draft priorityFlags(List<String> value) {
            priorityFlags = value;
            return this;
        }

        Draft employer(String value) {
            employer = value;
            return this;
        }

        Draft programmeMonths(Integer value) {
            programmeMonths = value;
            return this;
        }

        EnrollmentSubmission request() {
            EnrollmentSubmission.Student student = person == null ? null
                    : new EnrollmentSubmission.Student(person.idType(), person.idNumber(), name, person.gender(), person.birthDate());
            return new EnrollmentSubmission(schoolCode, sourceRecordId, student, majorCode, classLevel, studyMode, intakeYear,
                    intakeSeason, enrolledOn, sourceCategory, originRegion, priorityFlags, employer, programmeMonths);
        }
    }

    @Property(tries = 50)
    void aValidRequestPasses(@ForAll("agreeing") EnrollmentSubmission request) {
        EnrollmentRules.Outcome outcome = RULES.check(request, SCHOOL);
        assertEquals(List.of(), outcome.errors());
        assertNotNull(outcome.valid());
    }

    @Provide
    Arbitrary<EnrollmentSubmission> agreeing() {
        return validId(LocalDate.of(1970, 1, 1), LocalDate.of(2011, 12, 31)).map(id -> new EnrollmentSubmission("S-1", "REC-" + id.substring(14),
                new EnrollmentSubmission.Student("RESIDENT_ID", id, "张伟", ResidentIdNumber.gender(id).name(), ResidentIdNumber.birthDate(id).toString()),
                "0401", "INTERMEDIATE", "FULL_TIME", 2026, "AUTUMN", "2026-09-01", "初中毕业生", "330102", List.of(), null, null));
    }
}
