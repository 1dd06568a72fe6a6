package org.techschools.commons.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A console session is a signed token in an HttpOnly, SameSite=Strict cookie: the services check it as they check a
 * bearer token, so a page sees exactly what the API would show the same role and scope. The token carries a random
 * {@code csrf} claim that every console form must send back ({@link ConsoleForms}).
 */
@ApplicationScoped
public class ConsoleSession {

    /** The cookie smallrye-jwt reads the token from ({@code mp.jwt.token.cookie}). */
    public static final String COOKIE = "techschools_session";
    public static final String CSRF_CLAIM = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ConsoleConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    /** Signs a session for this person with the key of {@code smallrye.jwt.sign.key.location}. */
    public NewCookie open(String name, String role, String school, String region) {
        long now = clock.instant().getEpochSecond();
        long lifetime = config.sessionLifetime().toSeconds();
        JwtClaimsBuilder claims = Jwt.issuer(issuer).audience(audiences).upn(name).groups(role)
                .issuedAt(now).expiresAt(now + lifetime).claim(CSRF_CLAIM, randomToken());
        if (school != null) {
            claims.claim("school", school);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        return cookie(claims.sign(), (int) lifetime);
    }

    /** A cookie that makes the browser forget the session. */
    public NewCookie close() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
