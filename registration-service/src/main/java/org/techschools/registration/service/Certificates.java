package org.techschools.registration.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.techschools.commons.paging.SortKeyCursor;
import org.techschools.commons.security.CallerScope;
import org.techschools.registration.domain.Certificate;
import org.techschools.registration.domain.CertificateNumber;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.School;
import org.techschools.registration.domain.SchoolMajor;

/**
 * 毕业证书: issued when a 学籍 ends by graduation, checked by anyone holding one (an employer, another school) by number
 * and name, and listed for the offices that keep the schools (school, city, province, national).
 */
@ApplicationScoped
public class Certificates {

    /** Longest name a 学籍 holds (registration.name): a longer one cannot be on any certificate. */
    private static final int MAX_NAME = 100;

    @Inject
    Clock clock;

    /**
     * Which certificates a list shows: every filter optional, all within the caller's scope, which is read when the
     * filter is made (an export reads its pages while it streams, when the request's scope may be gone).
     */
    public record Filter(String scopeSchool, String scopeCity, String scopeProvince, String schoolCode, String provinceCode,
            String cityCode, LocalDate graduatedFrom, LocalDate graduatedTo) {

        public static Filter within(CallerScope scope, String schoolCode, String provinceCode, String cityCode,
                LocalDate graduatedFrom, LocalDate graduatedTo) {
            return new Filter(scope.schoolLimit(), scope.cityLimit(), scope.provinceLimit(), schoolCode, provinceCode, cityCode,
                    graduatedFrom, graduatedTo);
        }
    }

    /**
     * Issues the certificate of a 学籍 that has just graduated and notes its number on the 学籍: the school and major
     * as this service's directory names them today, the class level, the graduation date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate issue(Registration graduated, LocalDate graduatedOn, String issuedBy) {
        Certificate c = new Certificate();
        do {
            c.number = CertificateNumber.next(graduated.schoolCode, graduatedOn.getYear());
        } while (Certificate.findById(c.number) != null);
        c.registrationId = graduated.id;
        c.holderName = graduated.name;
        c.schoolCode = graduated.schoolCode;
        School school = School.findById(graduated.schoolCode);
        c.schoolName = school == null ? null : school.name;
        c.provinceCode = graduated.provinceCode;
        c.cityCode = graduated.cityCode;
        c.majorCode = graduated.majorCode;
        SchoolMajor major = SchoolMajor.findById(new SchoolMajor.Key(graduated.schoolCode, graduated.majorCode));
        c.majorName = major == null ? null : major.name;
        c.classLevel = graduated.classLevel;
        c.graduatedOn = graduatedOn;
        c.issuedAt = clock.instant();
        c.issuedBy = issuedBy;
        c.persist();
        graduated.certificateNumber = c.number;
        return c;
    }

    /**
     * The certificate with this number if it was issued to this name, else empty — the same empty for a wrong number
     * as for a wrong name, and both after one lookup by number, so neither the answer nor its time tells which was
     * wrong. Names are compared as written on paper: without spaces or separators, full-width forms folded (NFKC).
     */
    @Transactional
    public Optional<IssuedCertificate> check(String number, String name) {
        String claimed = normalisedName(name);
        if (!CertificateNumber.isWellFormed(number) || claimed.length() > MAX_NAME) {
            return Optional.empty();
        }
        Certificate found = Certificate.findById(number);
        String holder = found == null ? "" : normalisedName(found.holderName);
        boolean same = MessageDigest.isEqual(holder.getBytes(StandardCharsets.UTF_8), claimed.getBytes(StandardCharsets.UTF_8));
        return found != null && same ? Optional.of(IssuedCertificate.of(found)) : Optional.empty();
    }

    /** One page of the caller's certificates, by graduation date and number, after {@code after}; one more when more follow. */
    @Transactional
    public List<IssuedCertificate> list(Filter filter, SortKeyCursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        // The caller's narrowest limit: a school token names no region, a city office's names its city.
        if (filter.scopeSchool() != null) {
            where.append(" and schoolCode = :scopeSchool");
            parameters.and("scopeSchool", filter.scopeSchool());
        } else if (filter.scopeCity() != null) {
            where.append(" and cityCode = :scopeCity");
            parameters.and("scopeCity", filter.scopeCity());
        } else if (filter.scopeProvince() != null) {
            where.append(" and provinceCode = :scopeProvince");
            parameters.and("scopeProvince", filter.scopeProvince());
        }
        if (filter.schoolCode() != null) {
            where.append(" and schoolCode = :school");
            parameters.and("school", filter.schoolCode());
        }
        if (filter.provinceCode() != null) {
            where.append(" and provinceCode = :province");
            parameters.and("province", filter.provinceCode());
        }
        if (filter.cityCode() != null) {
            where.append(" and cityCode = :city");
            parameters.and("city", filter.cityCode());
        }
        if (filter.graduatedFrom() != null) {
            where.append(" and graduatedOn >= :from");
            parameters.and("from", filter.graduatedFrom());
        }
        if (filter.graduatedTo() != null) {
            where.append(" and graduatedOn <= :to");
            parameters.and("to", filter.graduatedTo());
        }
        if (after != null) {
            where.append(" and (graduatedOn > :afterOn or (graduatedOn = :afterOn and number > :afterNumber))");
            parameters.and("afterOn", LocalDate.parse(after.key(0))).and("afterNumber", after.key(1));
        }
        return Certificate.<Certificate>find(where + " order by graduatedOn, number", parameters).range(0, limit).list().stream()
                .map(IssuedCertificate::of).toList();
    }

    private static String normalisedName(String name) {
        return name == null ? "" : NameSimilarity.compact(Normalizer.normalize(name, Normalizer.Form.NFKC));
    }
}
