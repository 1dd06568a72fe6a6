package org.techschools.commons.paging;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.Problem;
import org.techschools.commons.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Keyset cursors as a client sees them: the next page's cursor takes it exactly where the last page ended, and a cursor
 * the service did not hand out is a 400 naming the field {@code cursor} and the rule {@code cursor-format}.
 */
class CursorsTest {

    private static final Instant AT = Instant.parse("2026-09-01T08:15:30.123456Z");
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Test
    void aKeysetCursorComesBackAsTheSamePosition() {
        KeysetCursor cursor = new KeysetCursor(AT, ID);
        String text = cursor.encode();
        assertEquals(cursor, KeysetCursor.decode(text));
        assertEquals(AT, KeysetCursor.decode(text).at(), "microseconds kept: rows of the same second stay apart");
        assertTrue(text.matches("[A-Za-z0-9_-]+"), "safe in a query string as it is: " + text);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(KeysetCursor.decode(null));
        assertNull(KeysetCursor.decode(""));
        assertNull(KeysetCursor.decode("  "));
        assertNull(SortKeyCursor.decode(null, 3));
        assertNull(SortKeyCursor.decode(" ", 3));
    }

    @Test
    void aTamperedOrMadeUpKeysetCursorIsRefused() {
        String good = new KeysetCursor(AT, ID).encode();
        for (String bad : List.of("not-a-cursor", "%%%", good.substring(0, good.length() - 6), good + "!",
                base64("2026-09-01T08:15:30Z"), base64("yesterday|" + ID), base64(AT + "|42"), base64("|"),
                base64("' OR 1=1 --"))) {
            assertRefused(assertThrows(ProblemException.class, () -> KeysetCursor.decode(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> KeysetCursor.parse("garbage"));
    }

    @Test
    void aSortKeyCursorComesBackWithItsKeysEvenEmptyOrUnicodeOnes() {
        SortKeyCursor cursor = SortKeyCursor.of("2026", "330100", "", "杭州市|技师学院");
        SortKeyCursor back = SortKeyCursor.decode(cursor.encode(), 4);
        assertEquals(cursor, back);
        assertEquals("杭州市|技师学院", back.key(3));
        assertEquals("", back.key(2));
    }

    @Test
    void aSortKeyCursorOfAnotherListOrMadeUpIsRefused() {
        String threeKeys = SortKeyCursor.of("2026", "330100", "S-1").encode();
        assertRefused(assertThrows(ProblemException.class, () -> SortKeyCursor.decode(threeKeys, 2)), "another list's cursor");
        assertRefused(assertThrows(ProblemException.class, () -> SortKeyCursor.decode("%%%", 2)), "not base64url");
        assertRefused(assertThrows(ProblemException.class, () -> SortKeyCursor.decode(base64("2026"), 2)), "too few keys");
        String keysetCursor = new KeysetCursor(AT, ID).encode();
        assertRefused(assertThrows(ProblemException.class, () -> SortKeyCursor.decode(keysetCursor, 2)), "a keyset cursor");
    }

    /** 400, naming field and rule, and never repeating what the client sent. */
    private static void assertRefused(ProblemException refused, String sent) {
        assertEquals(400, refused.status(), sent);
        Problem problem = refused.toProblem();
        assertEquals(List.of("cursor"), problem.errors().stream().map(FieldError::field).toList(), sent);
        assertEquals(List.of("cursor-format"), problem.errors().stream().map(FieldError::rule).toList(), sent);
        if (sent.length() > 3) {
            assertFalse(problem.toString().contains(sent), "the answer does not echo the cursor");
        }
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
