package org.techschools.commons.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Person keys and masks: what leaves enrollment-service in place of an ID number. */
class PersonKeysTest {

    private static final String ID = "11010519491231002X";
    private static final PersonKeys KEYS = new PersonKeys("unit-test-secret");

    @Test
    void onePersonHasOneKeyHoweverTheNumberWasTyped() {
        String key = KEYS.personKey("RESIDENT_ID", ID);
        assertEquals(key, KEYS.personKey("RESIDENT_ID", "11010519491231002x"));
        assertEquals(key, KEYS.personKey("RESIDENT_ID", " 110105 19491231 002X "));
        assertEquals(key, KEYS.personKey("RESIDENT_ID", "１１０１０５１９４９１２３１００２ｘ"));
        assertEquals(64, key.length(), "HMAC-SHA256 in hex");
        assertTrue(key.matches("[0-9a-f]{64}"));
    }

    @Test
    void theKeyNeverShowsTheNumberAndTellsPeopleAndDocumentTypesApart() {
        String key = KEYS.personKey("RESIDENT_ID", ID);
        assertFalse(key.contains("19491231") || key.contains("110105") || key.toUpperCase().contains(ID));
        assertNotEquals(key, KEYS.personKey("RESIDENT_ID", "110105194912310021"), "another person");
        assertNotEquals(key, KEYS.personKey("PASSPORT", ID), "the same characters on another kind of document");
    }

    @Test
    void withoutTheSecretNoOneCanRecomputeTheKey() {
        // A key from a plain hash of the number could be looked up by hashing every possible ID; the secret prevents it.
        assertNotEquals(KEYS.personKey("RESIDENT_ID", ID), new PersonKeys("another-deployment").personKey("RESIDENT_ID", ID));
        assertEquals(KEYS.personKey("RESIDENT_ID", ID), new PersonKeys("unit-test-secret").personKey("RESIDENT_ID", ID),
                "the same secret in another instance gives the same key");
    }

    @Test
    void theMaskShowsProvinceAndCityOnly() {
        assertEquals("1101**************", PersonKeys.mask(ID));
        assertEquals("3301**************", PersonKeys.mask("330102200801010016"));
        assertEquals("1101***********", PersonKeys.mask("110105491231002"), "a 15-digit 一代证");
    }

    @Test
    void onePersonHasOneMaskHoweverTheNumberWasTyped() {
        assertEquals(PersonKeys.mask(ID), PersonKeys.mask("１１０１０５ １９４９１２３１ ００２ｘ"));
        assertEquals(PersonKeys.mask(ID), PersonKeys.mask(" 11010519491231002x"));
    }

    @Test
    void theMaskCannotBeTurnedBackIntoTheNumber() {
        // Everyone born in the same city has the same mask: it cannot single out, let alone give back, a number.
        Set<String> masks = new HashSet<>();
        for (String id : new String[] { ID, "110105200801010016", "110108199003070519", "110101200512120023" }) {
            String mask = PersonKeys.mask(id);
            masks.add(mask);
            assertEquals(id.substring(0, 4) + "*".repeat(14), mask, "nothing after the city is shown");
        }
        assertEquals(Set.of("1101**************"), masks);
    }

    @Test
    void anOlderMaskIsShownInTodaysForm() {
        // The former first-6-and-last-4 form gave the ID back beside a known birth date; records of old events are remasked.
        assertEquals("3301**************", PersonKeys.remask("330102********123X"));
        assertEquals(PersonKeys.remask(PersonKeys.mask(ID)), PersonKeys.mask(ID), "remasking today's mask changes nothing");
    }

    @Test
    void shortDocumentNumbersAreStarredWhole() {
        assertEquals("*********", PersonKeys.mask("E12345678"), "a passport carries no region to show");
        assertEquals("*********", PersonKeys.mask("ｅ１２３４５６７８"));
        assertNull(PersonKeys.mask(null));
        assertNull(PersonKeys.normalise(null));
    }
}
