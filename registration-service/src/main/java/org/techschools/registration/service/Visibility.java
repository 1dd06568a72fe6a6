package org.techschools.registration.service;

import org.techschools.commons.security.CallerScope;

/**
 * Which alert records a caller may see: an alert is visible when any record it names is in the caller's
 * scope (a school sees alerts naming its records, a city office its city, a province office its province).
 * At most one limit applies, the narrowest; none for national and auditor callers.
 */
public record Visibility(String province, String city, String school) {

    public static final Visibility EVERYTHING = new Visibility(null, null, null);

    public static Visibility of(CallerScope scope) {
        if (scope.schoolLimit() != null) {
            // A school token carries no region: its school claim alone decides.
            return new Visibility(null, null, scope.schoolLimit());
        }
        if (scope.cityLimit() != null) {
            return new Visibility(null, scope.cityLimit(), null);
        }
        return new Visibility(scope.provinceLimit(), null, null);
    }

    public boolean unlimited() {
        return province == null && city == null && school == null;
    }
}
