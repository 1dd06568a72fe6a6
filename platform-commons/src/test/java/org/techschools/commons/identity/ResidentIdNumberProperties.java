package org.techschools.commons.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.techschools.commons.domain.Gender;

/** The GB 11643 validator and the normalisation of person keys, fed random text and random valid numbers. */
class ResidentIdNumberProperties {

    /** A valid 居民身份证号码: region, birth date, sequence and its check character. */
    @Provide
    static Arbitrary<String> validIds() {
        Arbitrary<String> region = Arbitraries.integers().between(110_000, 829_999).map(String::valueOf);
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 200 * 365).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
            String first17 = r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + String.format("%03d", s);
            return first17 + ResidentIdNumber.checkCharacter(first17);
        });
    }

    @Property
    void anyTextIsAFormatOrNotAndAFormatIsFullyReadable(@ForAll String text) {
        String id = PersonKeys.normalise(text);
        if (ResidentIdNumber.hasValidFormat(id)) {
            ResidentIdNumber.hasValidCheckDigit(id);
            ResidentIdNumber.birthDate(id);
            assertNotNull(ResidentIdNumber.gender(id));
            assertEquals(6, ResidentIdNumber.regionPrefix(id).length());
        } else {
            assertFalse(ResidentIdNumber.hasValidCheckDigit(id));
        }
    }

    @Property
    void aValidNumberPassesEveryRuleAndTellsItsBirthDateAndGender(@ForAll("validIds") String id) {
        assertTrue(ResidentIdNumber.hasValidFormat(id));
        assertTrue(ResidentIdNumber.hasValidCheckDigit(id));
        LocalDate birth = ResidentIdNumber.birthDate(id);
        assertEquals(id.substring(6, 14), String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()));
        assertEquals((id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE, ResidentIdNumber.gender(id));
    }

    /** MOD 11-2 catches every change of a single character. */
    @Property
    void changingOneCharacterBreaksTheCheck(@ForAll("validIds") String id, @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 10) int shift) {
        String characters = "0123456789X";
        char original = id.charAt(position);
        int index = characters.indexOf(original);
        int kinds = position == 17 ? 11 : 10; // the check character may also be X
        char changed = characters.charAt((index + 1 + (shift - 1) % (kinds - 1)) % kinds);
        String broken = id.substring(0, position) + changed + id.substring(position + 1);
        if (!ResidentIdNumber.hasValidFormat(broken)) {
            return;
        }
        assertFalse(ResidentIdNumber.hasValidCheckDigit(broken), broken);
    }

    /** Spaces and a lower-case x, as clerks type them, are the same person; normalising twice changes nothing. */
    @Property
    void typedVariantsNormaliseToTheSameNumberAndKey(@ForAll("validIds") String id, @ForAll @IntRange(min = 0, max = 17) int space) {
        String typed = " " + id.substring(0, space) + " \t" + id.substring(space).toLowerCase() + " ";
        assertEquals(id, PersonKeys.normalise(typed));
        assertEquals(PersonKeys.normalise(typed), PersonKeys.normalise(PersonKeys.normalise(typed)));
        PersonKeys keys = new PersonKeys("property-test-secret");
        assertEquals(keys.personKey("RESIDENT_ID", id), keys.personKey("RESIDENT_ID", typed));
    }
}
