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

    private final SecretKeySpec key;

    public PersonKeys(@ConfigProperty(name = "platform.person-key.secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String personKey(String idType, String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((idType + ":" + normalise(idNumber)).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Upper case, no spaces: "11010519491231002x " and "11010519491231002X" are one person. */
    public static String normalise(String idNumber) {
        return idNumber == null ? null : idNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
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
