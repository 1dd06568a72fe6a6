package org.techschools.commons.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.techschools.commons.domain.Gender;

/** The GB 11643 validator on numbers a clerk would type: the published example, typos, impossible dates. */
class ResidentIdNumberTest {

    /** The standard's own example: 北京市朝阳区, born 1949-12-31, a woman, check character X. */
    private static final String EXAMPLE = "11010519491231002X";

    @Test
    void theStandardsExampleIsValidAndTellsRegionBirthDateAndGender() {
        assertTrue(ResidentIdNumber.hasValidFormat(EXAMPLE));
        assertTrue(ResidentIdNumber.hasValidCheckDigit(EXAMPLE));
        assertEquals('X', ResidentIdNumber.checkCharacter(EXAMPLE.substring(0, 17)));
        assertEquals("110105", ResidentIdNumber.regionPrefix(EXAMPLE));
        assertEquals(LocalDate.of(1949, 12, 31), ResidentIdNumber.birthDate(EXAMPLE));
        assertEquals(Gender.FEMALE, ResidentIdNumber.gender(EXAMPLE));
    }

    @Test
    void theCheckCharacterIsMod11Of17WeightedDigits() {
        // Computed by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 33010220080101001 sum to 105, 105 mod 11 = 6 → "6".
        assertEquals('6', ResidentIdNumber.checkCharacter("33010220080101001"));
        assertTrue(ResidentIdNumber.hasValidCheckDigit("330102200801010016"));
        assertEquals(Gender.MALE, ResidentIdNumber.gender("330102200801010016"), "an odd sequence digit");
    }

    @Test
    void aSingleMistypedDigitOrSwappedNeighboursFailTheCheck() {
        for (int i = 0; i < 17; i++) {
            char original = EXAMPLE.charAt(i);
            String typo = EXAMPLE.substring(0, i) + (char) ('0' + (original - '0' + 1) % 10) + EXAMPLE.substring(i + 1);
            assertFalse(ResidentIdNumber.hasValidCheckDigit(typo), "digit " + i + " changed");
        }
        // 1949 → 1994: neighbours swapped, a common slip.
        assertFalse(ResidentIdNumber.hasValidCheckDigit("11010519941231002X"));
        assertFalse(ResidentIdNumber.hasValidCheckDigit("110105194912310020"), "a wrong check character");
    }

    @Test
    void anythingWithoutTheFormatIsRefusedWithoutAnException() {
        for (String notAnId : new String[] { null, "", "11010519491231002", "11010519491231002XX", "11010519491231002x",
                "1101051949123100X2", "A1010519491231002X", "110105 19491231002X", "110105491231002" }) {
            assertFalse(ResidentIdNumber.hasValidFormat(notAnId), String.valueOf(notAnId));
            assertFalse(ResidentIdNumber.hasValidCheckDigit(notAnId), String.valueOf(notAnId));
        }
    }

    @Test
    void anImpossibleBirthDateIsNoDate() {
        assertNull(ResidentIdNumber.birthDate(withCheck("11010520230229001")), "29 February of a common year");
        assertNull(ResidentIdNumber.birthDate(withCheck("11010520081301001")), "month 13");
        assertNull(ResidentIdNumber.birthDate(withCheck("11010520080431001")), "31 April");
        assertEquals(LocalDate.of(2024, 2, 29), ResidentIdNumber.birthDate(withCheck("11010520240229001")), "a leap day");
    }

    @Test
    void theClerksSpellingsNormaliseToTheValidNumber() {
        for (String typed : new String[] { "11010519491231002x", " 110105 19491231 002X\t", "１１０１０５１９４９１２３１００２Ｘ",
                "110105\u300019491231\u200B002ｘ" }) {
            String normalised = PersonKeys.normalise(typed);
            assertEquals(EXAMPLE, normalised, typed);
            assertTrue(ResidentIdNumber.hasValidCheckDigit(normalised), typed);
        }
        assertFalse(ResidentIdNumber.hasValidCheckDigit("11010519491231002x"), "unnormalised, a lower-case x is no check character");
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
