package org.techschools.enrollment.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.techschools.commons.limits.LimitsConfig;
import org.techschools.commons.limits.RetryLaterException;
import org.techschools.commons.problem.FieldError;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.paging.NewestFirstPage;
import org.techschools.commons.security.CallerScope;
import org.techschools.enrollment.domain.IdNumberAccess;
import org.techschools.enrollment.domain.RevealLimitAlert;

/**
 * 身份证号查看限额: how many full ID numbers one person (token subject) may reveal per calendar day. Counted from the
 * access log itself, so every instance of the service counts the same reveals. One more is refused with 429 until the
 * next day, and the national centre gets an alert (one per person and day, counting the refusals) and a WARN log line
 * that names neither the person nor any record.
 */
@ApplicationScoped
public class RevealQuota {

    private static final Logger LOG = Logger.getLogger(RevealQuota.class);

    @Inject
    LimitsConfig limits;

    @Inject
    Clock clock;

    /**
     * Admits one more reveal by the caller today, in the reveal's transaction: serialised per person until it commits,
     * so two reveals at once cannot both take the last one.
     *
     * @param role the role the reveal is made in
     * @throws RetryLaterException past the day's limit, after the alert is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(CallerScope caller, String role) {
        String who = caller.name();
        int perDay = limits.reveal().perDay();
        ZoneId zone = limits.reveal().zone();
        RevealLimitAlert.lockQuotaOf(who);
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate day = now.toLocalDate();
        long today = IdNumberAccess.count("accessedBy = ?1 and accessedAt >= ?2", who, day.atStartOfDay(zone).toInstant());
        if (today < perDay) {
            return;
        }
        // Its own transaction: the refusal rolls the reveal's back, the alert must stay.
        QuarkusTransaction.requiringNew().run(() -> raise(who, role, caller.region(), day, perDay, now.toInstant()));
        long untilTomorrow = Duration.between(now.toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()).toSeconds();
        throw new RetryLaterException("the day's ID number reveals are used up; the national centre has been told",
                new FieldError("$", "reveal-daily-limit", "at most " + perDay + " ID number reveals per person and day"),
                Math.max(1, untilTomorrow));
    }

    /** Newest first, paged by {@code after}. */
    public AlertPage alerts(KeysetCursor after, int limit) {
        NewestFirstPage page = RevealLimitAlert.page(after, limit);
        Map<UUID, RevealLimitAlert> rows = page.ids().isEmpty() ? new HashMap<>()
                : RevealLimitAlert.<RevealLimitAlert>list("id in ?1", page.ids()).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Alert> alerts = page.ids().stream().map(rows::get).map(a -> new Alert(a.id, a.accessedBy, a.role, a.region, a.day,
                a.dailyLimit, a.raisedAt, a.refused, a.lastRefusedAt)).toList();
        Alert last = alerts.isEmpty() ? null : alerts.get(alerts.size() - 1);
        return new AlertPage(alerts, page.more() ? new KeysetCursor(last.raisedAt(), last.id()).encode() : null);
    }

    /** One person's day over the limit: who, in which role and region, and how many reveals were refused. */
    public record Alert(UUID id, String accessedBy, String role, String region, LocalDate day, int dailyLimit, Instant raisedAt,
            int refused, Instant lastRefusedAt) {
    }

    /** One page of alerts; {@code nextCursor} null on the last. */
    public record AlertPage(List<Alert> alerts, String nextCursor) {
    }

    private void raise(String who, String role, String region, LocalDate day, int perDay, Instant at) {
        RevealLimitAlert.Raised alert = RevealLimitAlert.raise(who, role, region, day, perDay, at);
        if (alert.first()) {
            LOG.warnf("ID number reveals refused: an account in the %s role reached the limit of %d a day; reveal alert %s"
                    + " raised for the national centre", role, perDay, alert.id());
        }
    }
}
