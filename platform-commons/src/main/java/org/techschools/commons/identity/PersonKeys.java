package org.techschools.commons.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

    /** Upper case, no spaces: "11010519491231002x " and "11010519491231002X" are one person. */
    public static String normalise(String idNumber) {
        return idNumber == null ? null : WHITESPACE.matcher(idNumber).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** First 6 and last 4 characters, the rest starred: 330102********123X. */
    public static String mask(String idNumber) {
        String id = normalise(idNumber);
        if (id == null || id.length() <= 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
