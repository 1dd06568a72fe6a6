package org.techschools.commons.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An ID number is one person however a school system typed it: full-width digits, a lower-case x, stray spaces. */
class PersonKeysProperties {

    private static final PersonKeys KEYS = new PersonKeys("test-secret");
    private static final List<String> SPACES = List.of(" ", "\u3000", "\u00A0", "\t", "\u200B", "\uFEFF");

    @Provide
    Arbitrary<String> validIds() {
        return ResidentIdNumberProperties.validIds();
    }

    @Provide
    Arbitrary<List<Boolean>> choices() {
        return Arbitraries.of(true, false).list().ofSize(18);
    }

    @Property
    void everySpellingOfAnIdNumberNormalisesToItAndKeysTheSamePerson(@ForAll("validIds") String id,
            @ForAll("choices") List<Boolean> fullWidth, @ForAll("choices") List<Boolean> spaced) {
        StringBuilder typed = new StringBuilder(" ");
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            char shown = c == 'X' ? (fullWidth.get(i) ? 'ｘ' : 'x') : fullWidth.get(i) ? (char) (c + 0xFEE0) : c;
            typed.append(shown);
            if (spaced.get(i)) {
                typed.append(SPACES.get(i % SPACES.size()));
            }
        }
        String normalised = PersonKeys.normalise(typed.toString());
        assertEquals(id, normalised);
        assertTrue(ResidentIdNumber.hasValidFormat(normalised) && ResidentIdNumber.hasValidCheckDigit(normalised));
        assertEquals(KEYS.personKey("RESIDENT_ID", id),
                KEYS.personKey("RESIDENT_ID", typed.toString()));
        assertEquals(PersonKeys.mask(id), PersonKeys.mask(typed.toString()));
    }

    @Example
    void theSpellingsSchoolSystemsSendAreOneNumber() {
        String id = "11010519491231002X";
        for (String typed : List.of("11010519491231002x", " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２Ｘ",
                "１１０１０５\u3000１９４９１２３１\u3000００２ｘ", "110105\u00A019491231\u200B002x")) {
            assertEquals(id, PersonKeys.normalise(typed), typed);
        }
        assertEquals("E12345678", PersonKeys.normalise("ｅ１２３４５６７８"));
    }
}
