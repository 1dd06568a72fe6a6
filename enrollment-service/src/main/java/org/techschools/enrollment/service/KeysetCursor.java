package org.techschools.enrollment.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.techschools.commons.rest.FieldError;
import org.techschools.commons.rest.ProblemException;

/**
 * Position in a list ordered by (timestamp, id): the last row a page returned. Opaque to callers (base64url),
 * so the encoding may change without breaking them; rows inserted meanwhile never shift later pages.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for no cursor (the first page); 400 naming {@code cursor} when it is not one of ours */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new KeysetCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(List.of(new FieldError("cursor", "cursor-format", "cursor is not one this service issued")));
        }
    }
}
