package org.techschools.quota.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.techschools.quota.domain.PlanAlertStatus;
import org.techschools.quota.domain.PlanAlertType;

/** The plan-alert query; null fields do not filter. The cursor continues after the last alert of the previous page. */
public record PlanAlertFilter(PlanAlertType type, PlanAlertStatus status, String province, String city, String school,
        Integer year, int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Keyset position in the listing order (raisedAt descending, then id descending). */
    public record Cursor(Instant raisedAt, UUID id) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((raisedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this service handed out */
        public static Cursor decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                return new Cursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor", e);
            }
        }
    }
}
