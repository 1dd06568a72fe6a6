package org.techschools.registration.service;

import java.util.List;

import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.registration.domain.AlertRecord;

/**
 * Who reads the alerts, and which of their records lie in the reader's scope: a school its own records, a city office
 * (or city auditor) its city, a province office (or provincial auditor) its province; none are limited for national
 * callers and national auditors. At most one limit applies, the narrowest. An alert is visible when any record it
 * names is in scope; only those records are shown in full until an auditor shares the alert ({@link AlertDisclosure}).
 *
 * @param auditor whether the reader is an auditor (稽核), who alone is told of records that ended soon after their alert
 */
public record Visibility(String province, String city, String school, boolean auditor) {

    public static Visibility of(CallerScope scope) {
        boolean auditor = scope.hasRole(Roles.AUDITOR);
        if (scope.schoolLimit() != null) {
            // A school token carries no region: its school claim alone decides.
            return new Visibility(null, null, scope.schoolLimit(), auditor);
        }
        if (scope.cityLimit() != null) {
            return new Visibility(null, scope.cityLimit(), null, auditor);
        }
        return new Visibility(scope.provinceLimit(), null, null, auditor);
    }

    public boolean unlimited() {
        return province == null && city == null && school == null;
    }

    /** The record lies in the reader's scope (the same rule as the listing's SQL). */
    public boolean covers(AlertRecord r) {
        return (province == null || province.equals(r.provinceCode)) && (city == null || city.equals(r.cityCode))
                && (school == null || school.equals(r.schoolCode));
    }

    /** The alert naming these records is visible: some record lies in the reader's scope. */
    public boolean seesAny(List<AlertRecord> records) {
        return records.stream().anyMatch(this::covers);
    }

    /** Every record lies in the reader's scope: what deciding an alert (CONFIRMED, DISMISSED, REFERRED) or sharing it needs. */
    public boolean coversAll(List<AlertRecord> records) {
        return records.stream().allMatch(this::covers);
    }

    /** The reader's scope holds the whole province: a roster of that province (CROSS_SYSTEM_REGISTRATION) is in it. */
    public boolean coversProvince(String provinceCode) {
        return city == null && school == null && (province == null || province.equals(provinceCode));
    }
}
