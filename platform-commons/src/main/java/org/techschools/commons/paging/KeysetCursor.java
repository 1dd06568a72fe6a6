package org.techschools.commons.paging;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Position in a list ordered by (timestamp, id): the last row a page returned. Opaque to callers (base64url),
 * so the encoding may change without breaking them; rows inserted meanwhile never shift later pages.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor a service handed out */
    public static KeysetCursor parse(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            KeysetCursor cursor = new KeysetCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
            // UUID.fromString also reads a shortened id ("…-7086772"): a cut or edited cursor would silently move the page.
            if (!cursor.encode().equals(text)) {
                throw new IllegalArgumentException("not a cursor as issued");
            }
            return cursor;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
    }

    /** @return null for no cursor (the first page); 400 naming {@code cursor} when it is not one of ours */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return parse(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new FieldError("cursor", "cursor-format", "cursor is not one this service issued")));
        }
    }
}
