package org.techschools.enrollment.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.commons.security.Roles;
import org.techschools.enrollment.domain.Enrollment;
import org.techschools.enrollment.domain.IdNumberAccess;

/**
 * 身份证号查看: decrypts a record's full ID number for an auditor or a province office (its own province only)
 * and records who, in which role, when and why — in the same transaction, so a reveal without its log row
 * cannot happen. Nothing here logs the number.
 */
@ApplicationScoped
public class IdNumberReveal {

    @Inject
    IdNumberCipher cipher;

    @Inject
    RevealQuota quota;

    @Inject
    AccessLogChain chain;

    @Inject
    Clock clock;

    @Transactional
    public String reveal(UUID enrollmentId, String reason, CallerScope caller) {
        String why = Reasons.require(reason, "reason");
        Enrollment e = Enrollment.findById(enrollmentId);
        if (e == null) {
            throw ProblemException.notFound("enrollment");
        }
        if (!caller.covers(e.provinceCode, e.cityCode, e.schoolCode)) {
            throw ProblemException.forbidden("the enrollment is outside the caller's province");
        }
        String role = caller.hasRole(Roles.AUDITOR) ? Roles.AUDITOR : Roles.PROVINCE;
        quota.admit(caller, role);
        IdNumberAccess access = new IdNumberAccess();
        access.id = UUID.randomUUID();
        access.enrollmentId = e.id;
        access.schoolCode = e.schoolCode;
        access.provinceCode = e.provinceCode;
        access.accessedBy = caller.name();
        access.role = role;
        // The clock the reveal quota counts the day's reveals by.
        access.accessedAt = clock.instant();
        access.reason = why;
        chain.append(access);
        return cipher.decrypt(e.idNumberEncrypted);
    }

    /** A row of the access log with its place and hash in the log's chain. */
    public record LoggedAccess(UUID id, UUID enrollmentId, String schoolCode, String provinceCode, String accessedBy, String role,
            Instant accessedAt, String reason, long seq, String rowHash) {
    }

    /** Newest first; a province office sees the reveals of its province's records, auditors and national all. */
    public List<LoggedAccess> accessLog(CallerScope caller, KeysetCursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        String province = caller.provinceLimit();
        if (province != null) {
            where.append(" and provinceCode = :province");
            params.put("province", province);
        }
        String city = caller.cityLimit();
        if (city != null) {
            // The log keeps the school, not its city: a city auditor sees the reveals of its city's records.
            where.append(" and enrollmentId in (select e.id from Enrollment e where e.cityCode = :city)");
            params.put("city", city);
        }
        if (after != null) {
            where.append(" and (accessedAt < :afterAt or (accessedAt = :afterAt and id < :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        return IdNumberAccess.<IdNumberAccess>find(where + " order by accessedAt desc, id desc", params).range(0, limit - 1).list()
                .stream().map(a -> new LoggedAccess(a.id, a.enrollmentId, a.schoolCode, a.provinceCode, a.accessedBy, a.role,
                        a.accessedAt, a.reason, a.seq, a.rowHash)).toList();
    }
}
