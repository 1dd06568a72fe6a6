package org.techschools.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.paging.NewestFirstPage;
import org.techschools.commons.persistence.PlainSql;

/**
 * 身份证号查看超限预警: a person (token subject) asked for more ID number reveals in a day than the limit allows. One row
 * per person and day, for the national centre; {@code refused} counts the reveals refused that day.
 */
@Entity
@Table(name = "reveal_limit_alert")
public class RevealLimitAlert extends PanacheEntityBase {

    /** First key of the advisory locks of the reveal quota (the second is the person): apart from the relay's single-key lock. */
    private static final int QUOTA_LOCK_SPACE = 8;

    /** The alert a refusal raised or counted on; {@code first}: this refusal raised it. */
    public record Raised(String id, boolean first) {
    }

    @Id
    public UUID id;

    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public String role;

    /** The token's region claim (the auditor's or province office's region); null for a national auditor. */
    public String region;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "daily_limit", nullable = false)
    public int dailyLimit;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(nullable = false)
    public int refused;

    @Column(name = "last_refused_at", nullable = false)
    public Instant lastRefusedAt;

    /** Serialises one person's reveals until the caller's transaction ends, so two at once cannot both take the last one. */
    public static void lockQuotaOf(String accessedBy) {
        PlainSql.list("SELECT count(pg_advisory_xact_lock(?, hashtext(?)))", row -> row.getLong(1), QUOTA_LOCK_SPACE, accessedBy);
    }

    /** Raises the person's alert of the day, or counts one more refusal on it: one statement, so concurrent refusals add up. */
    public static Raised raise(String accessedBy, String role, String region, LocalDate day, int dailyLimit, Instant at) {
        return PlainSql.list("""
                INSERT INTO reveal_limit_alert (id, accessed_by, role, region, day, daily_limit, raised_at, refused,
                                                last_refused_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (accessed_by, day) DO UPDATE
                SET refused = reveal_limit_alert.refused + 1, last_refused_at = EXCLUDED.last_refused_at
                RETURNING CAST(id AS text), xmax = 0""", row -> new Raised(row.getString(1), row.getBoolean(2)),
                UUID.randomUUID(), accessedBy, role, region, day, dailyLimit, at.atOffset(ZoneOffset.UTC),
                at.atOffset(ZoneOffset.UTC)).get(0);
    }

    /** Ids of one page of alerts, newest first. */
    public static NewestFirstPage page(KeysetCursor after, int limit) {
        return NewestFirstPage.of(getEntityManager(), "reveal_limit_alert", "1 = 1", Map.of(), after, limit);
    }
}
