package org.techschools.commons.security;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.techschools.commons.problem.ProblemException;

/**
 * What the caller may see and change, from the token's role and its {@code school} and {@code region}
 * claims: a school sees its own records, a city office its city (region = city code, e.g. 330100),
 * a province office its province (region = province code, e.g. 330000), the national office everything.
 * An auditor sees the region its token names (a province or a city code); a national auditor's token names none.
 */
@RequestScoped
public class CallerScope {

    @Inject
    CallerToken token;

    public String name() {
        return token.name();
    }

    public boolean hasRole(String role) {
        return token.hasRole(role);
    }

    public String school() {
        return token.claim("school");
    }

    public String region() {
        return token.claim("region");
    }

    /** When the token expires: what the caller was granted ends then, even on a connection opened before. */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(token.get().getExpirationTime());
    }

    /** Whether the caller may see data of this school, located in this province and city. */
    public boolean covers(String provinceCode, String cityCode, String schoolCode) {
        if (hasRole(Roles.NATIONAL) || nationalAuditor()) {
            return true;
        }
        if (hasRole(Roles.AUDITOR) && region() != null) {
            return Regions.isProvince(region())
                    ? provinceCode != null && Regions.province(provinceCode).equals(region())
                    : cityCode != null && Regions.city(region()).equals(cityCode);
        }
        if (hasRole(Roles.PROVINCE) && region() != null && provinceCode != null) {
            return Regions.province(region()).equals(Regions.province(provinceCode));
        }
        if (hasRole(Roles.CITY) && region() != null && cityCode != null) {
            return region().equals(cityCode);
        }
        if (hasRole(Roles.SCHOOL) && school() != null) {
            return school().equals(schoolCode);
        }
        return false;
    }

    /** 403 unless the caller covers this school. */
    public void requireCovers(String provinceCode, String cityCode, String schoolCode) {
        if (!covers(provinceCode, cityCode, schoolCode)) {
            throw ProblemException.forbidden("the school is outside the caller's scope");
        }
    }

    /** The province the caller is limited to, or null when unlimited. */
    public String provinceLimit() {
        if (hasRole(Roles.NATIONAL) || nationalAuditor()) {
            return null;
        }
        return region() == null ? "none" : Regions.province(region());
    }

    /** The city the caller is limited to, or null when not limited to a city. */
    public String cityLimit() {
        if (hasRole(Roles.PROVINCE) || hasRole(Roles.NATIONAL)) {
            return null;
        }
        if (hasRole(Roles.AUDITOR)) {
            // A city auditor's region may name a district of the city: it audits the whole city.
            return region() == null || Regions.isProvince(region()) ? null : Regions.city(region());
        }
        if (hasRole(Roles.CITY)) {
            return region() == null ? "none" : region();
        }
        return null;
    }

    /** The school the caller is limited to, or null when not a school caller. */
    public String schoolLimit() {
        boolean wider = hasRole(Roles.CITY) || hasRole(Roles.PROVINCE) || hasRole(Roles.NATIONAL) || hasRole(Roles.AUDITOR);
        if (hasRole(Roles.SCHOOL) && !wider) {
            return school() == null ? "none" : school();
        }
        return null;
    }

    /** An auditor whose token names no region audits the whole country (全国). */
    private boolean nationalAuditor() {
        return hasRole(Roles.AUDITOR) && region() == null;
    }
}
