package org.techschools.enrollment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.techschools.commons.identity.ResidentIdNumber;
import org.techschools.commons.problem.FieldError;
import org.techschools.enrollment.domain.SanctionKind;
import org.techschools.enrollment.domain.School;


/**
 * The intake rules (招生录取) without Quarkus: which record a school's push gets accepted, and for a refused one the field
 * and rule each broken rule names (what a school sees in the 400/422 answer). The API tests prove the same over HTTP.
 */
class EnrollmentRulesTest {

    private static final EnrollmentRules RULES = EnrollmentRulesFixtures.rules();
    private static final School SCHOOL = EnrollmentRulesFixtures.school();
    /** 浙江 杭州 上城区, born 2010-05-17, sequence 123 (odd: a boy). */
    private static final String ID = id("330102", "20100517", "123");

    @Test
    void aCompleteRecordPassesWithItsValuesNormalised() {
        EnrollmentRules.Outcome outcome = RULES.check(request(ID, "MALE", "2010-05-17", "FULL_TIME", null, null,
                List.of("订单班", "脱贫家庭", "订单班")), SCHOOL);
        assertEquals(List.of(), outcome.errors());
        ValidEnrollment valid = outcome.valid();
        assertEquals(ID, valid.idNumber());
        assertEquals("张伟", valid.name(), "surrounding spaces dropped");
        assertEquals(List.of("脱贫家庭", "订单班"), valid.priorityFlags(), "each flag once, in one order");
    }

    @Test
    void anIdNumberTypedFullWidthOrWithSpacesIsTheSameRecord() {
        String typed = " " + ID.substring(0, 6) + " " + fullWidth(ID.substring(6)) + " ";
        ValidEnrollment valid = RULES.check(request(typed, "MALE", "2010-05-17", "FULL_TIME", null, null, List.of()), SCHOOL).valid();
        assertNotNull(valid);
        assertEquals(ID, valid.idNumber());
    }

    @Test
    void aMistypedIdNumberIsRefusedWithoutRepeatingIt() {
        String typo = ID.substring(0, 14) + "2" + ID.substring(15); // sequence 223 for 123
        EnrollmentRules.Outcome outcome = RULES.check(request(typo, "MALE", "2010-05-17", "FULL_TIME", null, null, List.of()), SCHOOL);
        assertEquals(List.of("student.idNumber id-check-digit"), rules(outcome));
        assertFalse(outcome.structural(), "a domain rule: 422");
        assertTrue(outcome.errors().stream().noneMatch(e -> e.message().contains(typo) || e.message().contains(ID)));
        assertEquals(List.of("student.idNumber id-format"),
                rules(RULES.check(request("33010220100517123", "MALE", "2010-05-17", "FULL_TIME", null, null, List.of()), SCHOOL)));
    }

    @Test
    void theIdsRegionMustBeADivisionInForceSinceTheBirthYear() {
        assertEquals(List.of("student.idNumber id-region"), checkPerson(id("999901", "20100517", "123"), "MALE", "2010-05-17"),
                "no such province");
        // 巢湖市 (3414) existed 1999-2011: genuine on the ID of someone born in 1990, impossible for someone born in 2012.
        assertEquals(List.of(), checkPerson(id("341421", "19900517", "123"), "MALE", "1990-05-17"));
        assertEquals(List.of("student.idNumber id-region"), checkPerson(id("341421", "20120517", "123"), "MALE", "2012-05-17"));
    }

    @Test
    void birthDateAndGenderMustAgreeWithTheIdNumber() {
        assertEquals(List.of("student.birthDate birth-date-mismatch"), checkPerson(ID, "MALE", "2010-05-18"));
        assertEquals(List.of("student.gender gender-mismatch"), checkPerson(ID, "FEMALE", "2010-05-17"));
        assertEquals(List.of("student.idNumber id-birth-date"), checkPerson(id("330102", "20100230", "123"), "MALE", "2010-05-17"),
                "30 February is no birth date");
    }

    @Test
    void aStudentIsFourteenToSixtyOnTheDayOfEnrollment() {
        // Enrolled on 2026-09-01.
        assertEquals(List.of("student.birthDate age-range"), checkPerson(id("330102", "20120902", "123"), "MALE", "2012-09-02"),
                "13 the day before the 14th birthday");
        assertEquals(List.of(), checkPerson(id("330102", "20120901", "123"), "MALE", "2012-09-01"), "14 on the birthday");
        assertEquals(List.of(), checkPerson(id("330102", "19660102", "123"), "MALE", "1966-01-02"), "60");
        assertEquals(List.of("student.birthDate age-range"), checkPerson(id("330102", "19650901", "123"), "MALE", "1965-09-01"), "61");
    }

    @Test
    void partTimeStudyNeedsAnEmployerAndAtLeastTwelveMonths() {
        assertEquals(List.of("employer part-time-employer", "programmeMonths part-time-programme"),
                rules(RULES.check(request(ID, "MALE", "2010-05-17", "PART_TIME", null, 11, List.of()), SCHOOL)));
        assertEquals(List.of(), rules(RULES.check(request(ID, "MALE", "2010-05-17", "PART_TIME", "杭州汽轮机厂", 12, List.of()), SCHOOL)));
        assertEquals(List.of(), rules(RULES.check(request(ID, "MALE", "2010-05-17", "FULL_TIME", null, 6, List.of()), SCHOOL)),
                "full-time study has no such rule");
    }

    @Test
    void theSchoolMustBeQualifiedForTheYearAndHaveFiledTheMajorAtThatLevel() {
        assertEquals(List.of("intakeYear school-not-qualified"), rules(RULES.check(withSchool(2027, "0401", "INTERMEDIATE"), SCHOOL)));
        assertEquals(List.of("majorCode major-not-filed"), rules(RULES.check(withSchool(2026, "9999", "INTERMEDIATE"), SCHOOL)));
        assertEquals(List.of("classLevel level-not-filed"), rules(RULES.check(withSchool(2026, "0401", "PREP_TECHNICIAN"), SCHOOL)));
        assertEquals(List.of("schoolCode unknown-school"), rules(RULES.check(withSchool(2026, "0401", "INTERMEDIATE"), null)));
    }

    @Test
    void missingFieldsAndUnknownValuesAreStructuralAndNamedEachOnce() {
        EnrollmentSubmission r = new EnrollmentSubmission("S-1", null, new EnrollmentSubmission.Student("RESIDENT_ID", ID, "张伟", "男", "2010/05/17"),
                "0401", "INTERMEDIATE", "FULL_TIME", 2026, "AUTUMN", "2026-09-01", null, null, List.of(), null, null);
        EnrollmentRules.Outcome outcome = RULES.check(r, SCHOOL);
        assertNull(outcome.valid());
        assertTrue(outcome.structural(), "a malformed request: 400");
        assertEquals(List.of("sourceRecordId required", "student.gender enum", "student.birthDate date-format"), rules(outcome));
    }

    @Test
    void freeTextHoldingAnIdNumberIsRefusedNamingTheField() {
        EnrollmentSubmission r = new EnrollmentSubmission("S-1", "STU-" + ID, new EnrollmentSubmission.Student("RESIDENT_ID", ID, "张伟", "MALE",
                "2010-05-17"), "0401", "INTERMEDIATE", "FULL_TIME", 2026, "AUTUMN", "2026-09-01", null, null, List.of(), null, null);
        assertEquals(List.of("sourceRecordId no-id-number"), rules(RULES.check(r, SCHOOL)));
    }

    @Test
    void originRegionAndCategoriesMustBeKnownValues() {
        EnrollmentSubmission r = new EnrollmentSubmission("S-1", "REC-1", new EnrollmentSubmission.Student("RESIDENT_ID", ID, "张伟", "MALE",
                "2010-05-17"), "0401", "INTERMEDIATE", "FULL_TIME", 2026, "AUTUMN", "2026-09-01", "小学毕业生", "339999",
                List.of("贫困户"), null, null);
        assertEquals(List.of("sourceCategory enum", "priorityFlags[0] enum", "originRegion region-code"), rules(RULES.check(r, SCHOOL)));
    }

    @Test
    void aSuspendedSchoolIsRefusedForRecordsEnrolledWithinTheSuspension() {
        List<SchoolSanctions.Suspension> suspensions = List.of(new SchoolSanctions.Suspension(SanctionKind.values()[0], "浙人社〔2026〕12号",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)));
        FieldError refusal = SchoolSanctions.Suspension.refusal(suspensions, LocalDate.of(2026, 9, 30));
        assertEquals("enrolledOn", refusal.field());
        assertEquals("school-suspended", refusal.rule());
        assertTrue(refusal.message().contains("浙人社〔2026〕12号"), "names the decision");
        assertNull(SchoolSanctions.Suspension.refusal(suspensions, LocalDate.of(2026, 8, 31)));
        assertNull(SchoolSanctions.Suspension.refusal(suspensions, LocalDate.of(2026, 10, 1)));
        assertNull(SchoolSanctions.Suspension.refusal(List.of(), LocalDate.of(2026, 9, 15)));
    }

    private static List<String> checkPerson(String id, String gender, String birthDate) {
        return rules(RULES.check(request(id, gender, birthDate, "FULL_TIME", null, null, List.of()), SCHOOL));
    }

    private static EnrollmentSubmission request(String id, String gender, String birthDate, String studyMode, String employer,
            Integer months, List<String> flags) {
        return new EnrollmentSubmission("S-1", "REC-1", new EnrollmentSubmission.Student("RESIDENT_ID", id, " 张伟 ", gender, birthDate),
                "0401", "INTERMEDIATE", studyMode, 2026, "AUTUMN", "2026-09-01", "初中毕业生", "330102", flags, employer, months);
    }

    private static EnrollmentSubmission withSchool(int year, String major, String level) {
        return new EnrollmentSubmission("S-1", "REC-1", new EnrollmentSubmission.Student("RESIDENT_ID", ID, "张伟", "MALE", "2010-05-17"),
                major, level, "FULL_TIME", year, "AUTUMN", "2026-09-01", null, null, List.of(), null, null);
    }

    /** "field rule" of each broken rule, in the order the answer lists them. */
    private static List<String> rules(EnrollmentRules.Outcome outcome) {
        return outcome.errors().stream().map(e -> e.field() + " " + e.rule()).toList();
    }

    private static String id(String region, String birth, String sequence) {
        String first17 = region + birth + sequence;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String fullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c == 'X' ? 'Ｘ' : (char) (c - '0' + '０'));
        }
        return out.toString();
    }
}
