package org.techschools.registration.service;

import java.time.Instant;
import java.time.LocalDate;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.registration.domain.Certificate;

/**
 * 毕业证书 as issued: what the certificate prints (holder, school, major, class level as printed, graduation date) and
 * where the school lies, for the public check and the offices' lists. Never the holder's ID number.
 */
public record IssuedCertificate(String number, String holderName, String schoolCode, String schoolName, String provinceCode,
        String cityCode, String majorCode, String majorName, ClassLevel classLevel, String classLevelLabel,
        LocalDate graduatedOn, Instant issuedAt) {

    static IssuedCertificate of(Certificate c) {
        return new IssuedCertificate(c.number, c.holderName, c.schoolCode, c.schoolName, c.provinceCode, c.cityCode,
                c.majorCode, c.majorName, c.classLevel, c.classLevelLabel(), c.graduatedOn, c.issuedAt);
    }

    /** The cursor after this certificate in {@link Certificates#list}'s order. */
    public SortKeyCursor cursorAfter() {
        return SortKeyCursor.of(graduatedOn.toString(), number);
    }
}
