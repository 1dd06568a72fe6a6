package org.techschools.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.techschools.commons.rest.ProblemException;

/**
 * What the caller may see and change, from the token's role and its {@code school} and {@code region}
 * claims: a school sees its own records, a city office its city (region = city code, e.g. 330100),
 * a province office its province (region = province code, e.g. 330000), national and auditor roles everything.
 */
@RequestScoped
public class CallerScope {

    @Inject
    JsonWebToken jwt;

    public String name() {
        return jwt.getName();
    }

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public String school() {
        return jwt.getClaim("school");
    }

    public String region() {
        return jwt.getClaim("region");
    }

    /** Whether the caller may see data of this school, located in this province and city. */
    public boolean covers(String provinceCode, String cityCode, String schoolCode) {
        if (hasRole(Roles.NATIONAL) || hasRole(Roles.AUDITOR)) {
            return true;
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
            throw ProblemException.forbidden("school " + schoolCode + " is outside the caller's scope");
        }
    }

    /** The province the caller is limited to, or null when unlimited. */
    public String provinceLimit() {
        if (hasRole(Roles.NATIONAL) || hasRole(Roles.AUDITOR)) {
            return null;
        }
        return region() == null ? "none" : Regions.province(region());
    }

    /** The city the caller is limited to, or null when not limited to a city. */
    public String cityLimit() {
        if (hasRole(Roles.CITY) && !hasRole(Roles.PROVINCE) && !hasRole(Roles.NATIONAL) && !hasRole(Roles.AUDITOR)) {
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
}
