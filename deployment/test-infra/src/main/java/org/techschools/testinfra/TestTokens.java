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
        JwtClaimsBuilder claims = Jwt.issuer(PlatformInfra.JWT_ISSUER)
                .upn(role + (school != null ? "@" + school : region != null ? "@" + region : ""))
                .groups(Set.of(role))
                .expiresIn(lifetime);
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
