package org.techschools.commons.paging;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Position in a list ordered by sort keys that are not a (timestamp, id) pair, e.g. (year, scope, code): the keys of the
 * last row a page returned. Opaque to callers (base64url), like {@link KeysetCursor}.
 */
public record SortKeyCursor(List<String> keys) {

    /** Between keys: a control character no code, name or number contains. */
    private static final String SEPARATOR = "\u001f";

    public SortKeyCursor {
        keys = List.copyOf(keys);
    }

    public static SortKeyCursor of(String... keys) {
        return new SortKeyCursor(Arrays.asList(keys));
    }

    public String key(int index) {
        return keys.get(index);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param arity how many keys the list's cursors hold
     * @return null for no cursor (the first page); 400 naming {@code cursor} when it is not one of this list's
     */
    public static SortKeyCursor decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            List<String> keys = Arrays.asList(plain.split(SEPARATOR, -1));
            if (keys.size() == arity) {
                return new SortKeyCursor(keys);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.badRequest(List.of(new FieldError("cursor", "cursor-format", "cursor is not one this service issued")));
    }
}
