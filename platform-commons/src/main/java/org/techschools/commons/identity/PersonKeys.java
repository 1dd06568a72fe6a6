package org.techschools.commons.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pseudonymous person keys: HMAC-SHA256(secret, normalised ID number). Outside enrollment-service a
 * person is only this key and a masked ID; the secret comes from the environment in production.
 */
@ApplicationScoped
public class PersonKeys {

    /** Full-width forms of the printable ASCII characters (！ to ～), each {@link #FULL_WIDTH_OFFSET} above its ASCII one. */
    private static final int FULL_WIDTH_FIRST = 0xFF01;
    private static final int FULL_WIDTH_LAST = 0xFF5E;
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    /** Characters a mask shows: province and city of the issuing division. */
    private static final int SHOWN = 4;

    /** Resident ID numbers (15 or 18 characters) start with a division code; shorter documents do not. */
    private static final int MIN_LENGTH_SHOWING_CITY = 15;

    /**
     * One keyed Mac per thread: looking the algorithm up and initialising it costs more than hashing an ID, and a Mac is
     * not thread-safe. doFinal leaves it reset for the next call.
     */
    private final ThreadLocal<Mac> macs;

    public PersonKeys(@ConfigProperty(name = "platform.person-key.secret") String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    public String personKey(String idType, String idNumber) {
        return HexFormat.of().formatHex(macs.get().doFinal((idType + ":" + normalise(idNumber)).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The ID number as school systems mean it, whatever they typed: no spaces of any kind or invisible characters
     * (U+3000, no-break and zero-width spaces too), every decimal digit as ASCII (full-width ０-９), full-width letters as
     * ASCII, upper case. "11010519491231002x ", "１１０１０５ １９４９１２３１ ００２ｘ" and "11010519491231002X" are one
     * person: one personKey, one stored number.
     */
    public static String normalise(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(idNumber.length());
        for (int i = 0; i < idNumber.length();) {
            int cp = idNumber.codePointAt(i);
            i += Character.charCount(cp);
            if (IdNumberShape.isSeparator(cp)) {
                continue;
            }
            if (Character.isDigit(cp)) {
                cp = '0' + Character.digit(cp, 10);
            } else if (cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST) {
                cp -= FULL_WIDTH_OFFSET;
            }
            out.appendCodePoint(cp);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The masked form every reader sees: the first 4 characters (province and city) and the rest starred,
     * 3301**************. It never shows the county (digits 5-6), the sequence (15-17) or the check digit, so beside the
     * birth date, the gender and a city-level origin it still leaves 4 of the first 17 digits unknown (at least ~1,000
     * candidate ID numbers). The older "first 6 + last 4" form hid exactly the birth date and gave the ID back beside it.
     * Document numbers too short to carry a region (passports, permits) are starred whole.
     */
    public static String mask(String idNumber) {
        return remask(normalise(idNumber));
    }

    /**
     * A mask in any earlier form (e.g. 330102********123X) turned into today's: the same first 4 characters, the rest
     * starred. Consumers apply it to every event they read, so records of older events are stored in today's form too.
     */
    public static String remask(String masked) {
        if (masked == null || masked.length() < MIN_LENGTH_SHOWING_CITY) {
            return masked == null ? null : "*".repeat(masked.length());
        }
        return masked.substring(0, SHOWN) + "*".repeat(masked.length() - SHOWN);
    }
}
