package org.techschools.registration.service;

import java.time.Instant;
import java.util.UUID;

import org.techschools.registration.domain.AlertSeverity;
import org.techschools.registration.domain.AlertStatus;
import org.techschools.registration.domain.AlertType;

/**
 * The auditors' alert query. {@code province}, {@code city} and {@code school} match alerts naming at least
 * one record there; {@code from} is inclusive and {@code to} exclusive on raisedAt; the cursor continues
 * after the last alert of the previous page.
 */
public record AlertFilter(AlertType type, AlertStatus status, AlertSeverity severity, String province, String city,
        String school, Instant from, Instant to, int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Keyset position in the listing order (raisedAt descending, then id descending). */
    public record Cursor(Instant raisedAt, UUID id) {

        public String encode() {
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((raisedAt + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this service handed out */
        public static Cursor decode(String text) {
            String plain = new String(java.util.Base64.getUrlDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            try {
                return new Cursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor", e);
            }
        }
    }
}
