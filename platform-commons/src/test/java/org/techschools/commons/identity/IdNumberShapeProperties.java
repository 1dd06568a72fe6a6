package org.techschools.commons.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

/** Free text holding an ID number is recognised however it was typed; ordinary record ids and notes are not. */
class IdNumberShapeProperties {

    @Provide
    Arbitrary<String> validIds() {
        return ResidentIdNumberProperties.validIds();
    }

    @Property
    void anyTextIsJudgedWithoutException(@ForAll String text) {
        IdNumberShape.foundIn(text);
    }

    /** Whatever stands before and after it — letters, digits, spaces, CJK — a valid ID number inside is found. */
    @Property
    void aValidIdNumberIsFoundInAnyText(@ForAll("validIds") String id, @ForAll String before, @ForAll String after) {
        assertTrue(IdNumberShape.foundIn(before + id + after));
        assertTrue(IdNumberShape.foundIn(before + id.toLowerCase() + after));
    }

    /** As school systems type it: spaced in groups, full-width digits and x, zero-width characters pasted in. */
    @Property
    void aTypedIdNumberIsFound(@ForAll("validIds") String id, @ForAll @IntRange(min = 1, max = 17) int cut,
            @ForAll("separators") String separator) {
        assertTrue(IdNumberShape.foundIn("记录 " + id.substring(0, cut) + separator + id.substring(cut) + " 号"));
        assertTrue(IdNumberShape.foundIn(fullWidth(id)));
        assertTrue(IdNumberShape.foundIn(id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14)));
    }

    /** Exactly 17 digits and a digit or X, or exactly 15 digits, is an ID shape even with a wrong check or date. */
    @Property
    void anyEighteenOrFifteenDigitRecordIdIsRefused(@ForAll("digits18") String digits, @ForAll("prefix") String prefix) {
        assertTrue(IdNumberShape.foundIn(prefix + digits));
        assertTrue(IdNumberShape.foundIn(prefix + digits.substring(0, 17) + "x"));
        assertTrue(IdNumberShape.foundIn(prefix + digits.substring(0, 15) + "-1"));
    }

    /** Record ids and notes as schools write them: words, and numbers of up to 14 digits between them. */
    @Property
    void textWithShorterNumbersIsNotAnIdNumber(@ForAll("ordinaryText") String text) {
        assertFalse(IdNumberShape.foundIn(text), text);
    }

    /** A UUID never holds more than 12 digits in a row; hexadecimal ids count only a plausible ID number. */
    @Property
    void uuidsAreNotIdNumbers(@ForAll long high, @ForAll long low) {
        String uuid = new UUID(high, low).toString();
        assertFalse(IdNumberShape.foundIn(uuid));
        assertFalse(IdNumberShape.foundIn(uuid.toUpperCase()));
    }

    @Example
    void longNumericIdsCountOnlyWithAPlausibleIdNumberInside() {
        assertFalse(IdNumberShape.foundIn("REC-20260901123456789"), "a timestamp with milliseconds and more");
        assertFalse(IdNumberShape.foundIn("1798245761234567890"), "a 19-digit snowflake id");
        assertTrue(IdNumberShape.foundIn("1" + "11010519491231002X"), "an ID number with a digit before it");
        assertFalse(IdNumberShape.foundIn("a3f0000000000000000b"), "hexadecimal");
        assertTrue(IdNumberShape.foundIn("ab11010519491231002X"), "a valid ID number next to hexadecimal letters");
    }

    @Example
    void theRefusalNamesFieldAndRuleAndNeverTheValue() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> IdNumberShape.refuse("sourceRecordId", "11010519491231002X"));
        assertEquals(422, refused.status());
        FieldError error = refused.toProblem().errors().get(0);
        assertEquals("sourceRecordId", error.field());
        assertEquals("no-id-number", error.rule());
        assertFalse(refused.toProblem().toString().contains("19491231"));
        IdNumberShape.refuse("sourceRecordId", null);
        IdNumberShape.refuse("sourceRecordId", "REC-2026-000123");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "  ", "\u3000", "\u00a0", "\t", "\u200b", "\ufeff", " \u200b ");
    }

    @Provide
    Arbitrary<String> digits18() {
        return Arbitraries.strings().numeric().ofLength(18);
    }

    @Provide
    Arbitrary<String> prefix() {
        return Arbitraries.of("", "STU", "记录", "R-", "/", "学号：", "Z_");
    }

    @Provide
    Arbitrary<String> ordinaryText() {
        Arbitrary<String> word = Arbitraries.strings().withChars("ghijklmnopqrstuvwyzGHIJKLMNOPQRSTUVWYZ张伟王芳中级工班，。-_/:#")
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> number = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> pair = Combinators.combine(word, number).as((w, n) -> w + n);
        return Combinators.combine(pair.list().ofMaxSize(6), word).as((pairs, last) -> String.join("", pairs) + last);
    }

    private static String fullWidth(String id) {
        StringBuilder out = new StringBuilder();
        for (char c : id.toCharArray()) {
            out.append(c == 'X' ? 'ｘ' : (char) (c - '0' + '０'));
        }
        return out.toString();
    }

    @Example
    void theRuleIsTheOneTheIssueNames() {
        assertEquals("no-id-number", IdNumberShape.RULE);
        assertEquals(List.of(new FieldError("note", "no-id-number", "note must not contain an ID number (居民身份证号码)")),
                List.of(IdNumberShape.error("note")));
    }
}
