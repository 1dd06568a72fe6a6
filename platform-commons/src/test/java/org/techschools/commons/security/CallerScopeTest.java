package org.techschools.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** Each role's scope as the token's claims give it; an auditor's region limits it like an office's. */
class CallerScopeTest {

    private static CallerScope scopeOf(String role, String school, String region) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(role);
        claims.setStringListClaim("groups", List.of(role));
        if (school != null) {
            claims.setClaim("school", school);
        }
        if (region != null) {
            claims.setClaim("region", region);
        }
        CallerToken token = new CallerToken();
        token.identity = QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRoles(Set.of(role)).build();
        CallerScope scope = new CallerScope();
        scope.token = token;
        return scope;
    }

    @Test
    void aNationalAuditorHasNoLimit() {
        CallerScope auditor = scopeOf(Roles.AUDITOR, null, null);
        assertTrue(auditor.covers("330000", "330100", "S1"));
        assertTrue(auditor.covers("320000", "320100", "S2"));
        assertNull(auditor.provinceLimit());
        assertNull(auditor.cityLimit());
        assertNull(auditor.schoolLimit());
    }

    @Test
    void aProvincialAuditorSeesItsProvinceOnly() {
        CallerScope jiangsu = scopeOf(Roles.AUDITOR, null, "320000");
        assertTrue(jiangsu.covers("320000", "320100", "S1"));
        assertFalse(jiangsu.covers("330000", "330100", "S2"));
        assertFalse(jiangsu.covers(null, null, "S2"));
        assertEquals("320000", jiangsu.provinceLimit());
        assertNull(jiangsu.cityLimit());
        assertNull(jiangsu.schoolLimit());
    }

    @Test
    void aCityAuditorSeesItsCityOnlyEvenWhenItsRegionNamesADistrict() {
        CallerScope hangzhou = scopeOf(Roles.AUDITOR, null, "330102");
        assertTrue(hangzhou.covers("330000", "330100", "S1"));
        assertFalse(hangzhou.covers("330000", "330200", "S2"));
        assertFalse(hangzhou.covers("330000", null, null));
        assertEquals("330000", hangzhou.provinceLimit());
        assertEquals("330100", hangzhou.cityLimit());
    }

    @Test
    void officesAndSchoolsKeepTheirScopes() {
        CallerScope province = scopeOf(Roles.PROVINCE, null, "330000");
        assertTrue(province.covers("330000", "330200", "S1"));
        assertFalse(province.covers("320000", "320100", "S1"));
        assertEquals("330000", province.provinceLimit());
        assertNull(province.cityLimit());

        CallerScope city = scopeOf(Roles.CITY, null, "330100");
        assertTrue(city.covers("330000", "330100", "S1"));
        assertFalse(city.covers("330000", "330200", "S1"));
        assertEquals("330100", city.cityLimit());

        CallerScope school = scopeOf(Roles.SCHOOL, "S1", null);
        assertTrue(school.covers("330000", "330100", "S1"));
        assertFalse(school.covers("330000", "330100", "S2"));
        assertEquals("S1", school.schoolLimit());
        assertEquals("none", school.provinceLimit());

        CallerScope national = scopeOf(Roles.NATIONAL, null, null);
        assertTrue(national.covers("320000", "320100", "S9"));
        assertNull(national.provinceLimit());
        assertNull(national.cityLimit());
    }
}
