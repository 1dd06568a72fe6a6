package org.techschools.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.problem.ProblemException;
import org.techschools.commons.security.CallerScope;
import org.techschools.registration.domain.Registration;
import org.techschools.registration.domain.RegistrationChangeType;
import org.techschools.registration.domain.RegistrationStatus;
import org.techschools.registration.domain.School;
import org.techschools.registration.domain.TransferRequest;
import org.techschools.registration.domain.TransferStatus;

/**
 * 学籍异动 requested over the API: 休学, 复学, 退学, 毕业 (issuing the certificate), 注销 take effect at once; 转学 is a
 * request the province approves (then the 学籍 is TRANSFERRED_OUT and continues ACTIVE at the receiving school) or
 * rejects. Illegal changes answer 409 naming the current status.
 */
@ApplicationScoped
public class RegistrationLifecycle {

    @Inject
    Registry registry;

    @Inject
    SchoolDirectoryCopy schools;

    @Inject
    Clock clock;

    @Inject
    Certificates certificates;

    /** A change as requested; {@code effectiveOn} already defaulted to today. */
    public record Change(RegistrationChangeType type, LocalDate effectiveOn, String reason, String toSchoolCode) {
    }

    /**
     * What a change did: the 学籍 as it is now, and for a TRANSFER the pending request it filed (else null).
     */
    public record Outcome(RegistrationSnapshot registration, TransferApplication filedTransfer) {
    }

    /** The 学籍 with this id, if the caller's scope covers it. */
    @Transactional
    public Optional<RegistrationSnapshot> find(UUID registrationId, CallerScope scope) {
        Registration r = Registration.findById(registrationId);
        if (r == null || !scope.covers(r.provinceCode, r.cityCode, r.schoolCode)) {
            return Optional.empty();
        }
        return Optional.of(RegistrationSnapshot.of(r));
    }

    /** @return the 学籍 after the change, with its pending transfer request for a TRANSFER */
    @Transactional
    public Outcome change(UUID registrationId, Change change, CallerScope scope) {
        // Locked: a school and the province changing the same 学籍 at once must not both succeed from one status.
        Registration registration = Registration.findById(registrationId, LockModeType.PESSIMISTIC_WRITE);
        if (registration == null || !scope.covers(registration.provinceCode, registration.cityCode, registration.schoolCode)) {
            throw ProblemException.notFound("registration");
        }
        RegistrationStatus to = registration.status.after(change.type()).orElseThrow(() -> illegal(registration, change.type()));
        if (change.type() == RegistrationChangeType.TRANSFER) {
            TransferRequest filed = requestTransfer(registration, change, scope.name());
            return new Outcome(RegistrationSnapshot.of(registration), TransferApplication.of(filed, clock.instant()));
        }
        registry.changeStatus(registration, to, change.type(), change.effectiveOn(), describe(change));
        if (change.type() == RegistrationChangeType.GRADUATE) {
            certificates.issue(registration, change.effectiveOn(), scope.name());
        }
        return new Outcome(RegistrationSnapshot.of(registration), null);
    }

    /**
     * The province's decision on a pending 转学 request. An approval lands the 学籍 at the receiving school, which must be
     * in the directory, qualified for this year and have filed the 学籍's major at its level: else 422 naming the rule,
     * and the request stays pending.
     */
    @Transactional
    public TransferApplication decide(UUID transferId, boolean approve, String note, CallerScope scope) {
        TransferRequest request = TransferRequest.findById(transferId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !scope.covers(request.provinceCode, request.cityCode, request.fromSchoolCode)) {
            throw ProblemException.notFound("transfer");
        }
        if (request.status != TransferStatus.PENDING) {
            throw ProblemException.conflict("transfer is " + request.status + " and was decided before",
                    List.of(new FieldError("approve", "already-decided", "current status is " + request.status)));
        }
        Registration registration = Registration.findById(request.registrationId, LockModeType.PESSIMISTIC_WRITE);
        if (approve) {
            registration.status.after(RegistrationChangeType.TRANSFER)
                    .orElseThrow(() -> illegal(registration, RegistrationChangeType.TRANSFER));
            School to = schools.receivingSchool(request.toSchoolCode, registration.majorCode, registration.classLevel,
                    LocalDate.now(clock.withZone(Registry.CHINA)).getYear());
            registry.transfer(registration, to, request.effectiveOn);
        }
        request.status = approve ? TransferStatus.APPROVED : TransferStatus.REJECTED;
        request.decidedBy = scope.name();
        request.decidedAt = clock.instant();
        request.decisionNote = note;
        return TransferApplication.of(request, clock.instant());
    }

    /**
     * One page of the pending (or decided) transfer requests in the caller's scope, oldest first (the oldest wait
     * longest), after {@code after}; one more than {@code limit} when another page follows.
     */
    @Transactional
    public List<TransferApplication> transfers(TransferStatus status, CallerScope scope, KeysetCursor after, int limit) {
        StringBuilder where = new StringBuilder("status = :status");
        Parameters parameters = Parameters.with("status", status);
        // The caller's narrowest limit: a school token names no region, a city office's names its city.
        if (scope.schoolLimit() != null) {
            where.append(" and fromSchoolCode = :school");
            parameters.and("school", scope.schoolLimit());
        } else if (scope.cityLimit() != null) {
            where.append(" and cityCode = :city");
            parameters.and("city", scope.cityLimit());
        } else if (scope.provinceLimit() != null) {
            where.append(" and provinceCode = :province");
            parameters.and("province", scope.provinceLimit());
        }
        if (after != null) {
            where.append(" and (requestedAt > :afterAt or (requestedAt = :afterAt and id > :afterId))");
            parameters.and("afterAt", after.at()).and("afterId", after.id());
        }
        Instant now = clock.instant();
        return TransferRequest.<TransferRequest>find(where + " order by requestedAt, id", parameters).range(0, limit).list()
                .stream().map(t -> TransferApplication.of(t, now)).toList();
    }

    private TransferRequest requestTransfer(Registration registration, Change change, String actor) {
        if (change.toSchoolCode().equals(registration.schoolCode)) {
            throw ProblemException.unprocessable(List.of(new FieldError("toSchoolCode", "same-school",
                    "the 学籍 is already at that school")));
        }
        if (TransferRequest.count("registrationId = ?1 and status = ?2", registration.id, TransferStatus.PENDING) > 0) {
            throw ProblemException.conflict("a transfer of this 学籍 is already pending",
                    List.of(new FieldError("type", "transfer-pending", "current status is " + registration.status
                            + " with a pending transfer")));
        }
        // The status stays until the province approves: a request is no change yet, so nothing is published now.
        TransferRequest request = new TransferRequest();
        request.id = UUID.randomUUID();
        request.registrationId = registration.id;
        request.fromSchoolCode = registration.schoolCode;
        request.toSchoolCode = change.toSchoolCode();
        request.provinceCode = registration.provinceCode;
        request.cityCode = registration.cityCode;
        request.status = TransferStatus.PENDING;
        request.effectiveOn = change.effectiveOn();
        request.reason = change.reason();
        request.requestedBy = actor;
        // The column keeps microseconds: the request answered now shows the same requestedAt as the list later.
        request.requestedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        request.persist();
        return request;
    }

    private static ProblemException illegal(Registration registration, RegistrationChangeType type) {
        return ProblemException.conflict("学籍 is " + registration.status + "; " + type + " is not allowed from it",
                List.of(new FieldError("type", "illegal-change", "current status is " + registration.status)));
    }

    private static String describe(Change change) {
        String what = switch (change.type()) {
            case WITHDRAW -> "学籍 withdrawn (退学)";
            case GRADUATE -> "学籍 ended by graduation (毕业)";
            case CANCEL -> "学籍 cancelled (注销)";
            case SUSPEND -> "学籍 suspended (休学)";
            case RESUME -> "学籍 resumed (复学)";
            case TRANSFER -> "学籍 transferred out (转学)";
        };
        return change.reason() == null ? what : what + ": " + change.reason();
    }
}
