package org.techschools.testinfra;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens signed with the test JVM's key, with the platform's role and scope claims. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String role, String school, String region) {
        return token(role, school, region, Duration.ofHours(2));
    }

    public static String token(String role, String school, String region, Duration lifetime) {
        return signed(role, school, region, lifetime, PlatformInfra.JWT_ISSUER, PlatformInfra.JWT_AUDIENCE);
    }

    /**
     * A token signed with the right key but from {@code issuer} for {@code audience} (null: no {@code aud} claim), for
     * tests that a service refuses tokens meant for another issuer or audience.
     */
    public static String issuedFor(String role, String school, String region, String issuer, String audience) {
        return signed(role, school, region, Duration.ofHours(2), issuer, audience);
    }

    private static String signed(String role, String school, String region, Duration lifetime, String issuer, String audience) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .upn(role + (school != null ? "@" + school : region != null ? "@" + region : ""))
                .groups(Set.of(role))
                .expiresIn(lifetime);
        if (audience != null) {
            claims.audience(audience);
        }
        if (school != null) {
            claims.claim("school", school);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        return claims.jws().sign(PlatformInfra.get().jwtKeys().getPrivate());
    }

    public static String school(String schoolCode) {
        return token("school", schoolCode, null);
    }

    public static String province(String provinceCode) {
        return token("province", null, provinceCode);
    }

    public static String city(String cityCode) {
        return token("city", null, cityCode);
    }

    public static String auditor() {
        return token("auditor", null, null);
    }

    public static String national() {
        return token("national", null, null);
    }
}
