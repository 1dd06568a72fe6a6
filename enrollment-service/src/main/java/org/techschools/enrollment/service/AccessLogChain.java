package org.techschools.enrollment.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import org.techschools.enrollment.domain.IdNumberAccess;

/**
 * The hash chain of the ID-number access log (身份证号查看记录): appends each row after the current head, and checks
 * the whole chain on request. The table itself refuses UPDATE, DELETE and TRUNCATE (migration V7); the chain shows a
 * change made around that, e.g. by a superuser with the trigger disabled.
 */
@ApplicationScoped
public class AccessLogChain {

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);
    /** Rows checked per read: the check's memory stays bounded however long the log grows. */
    private static final int CHECK_BATCH = 1_000;

    /** The first row where the chain breaks: its id, position and time, and which check it fails. */
    public record BrokenRow(UUID id, long seq, Instant accessedAt, String rule) {
    }

    /**
     * @param rowsChecked rows found intact, from the first
     * @param headHash    the last intact row's hash: noted elsewhere, it also shows rows later removed from the end
     */
    public record Verdict(boolean intact, long rowsChecked, String headHash, BrokenRow firstBroken) {
    }

    @Inject
    EntityManager em;

    /**
     * Appends {@code access} (all fields but the chain's set) in the caller's transaction. The lock holds until that
     * commits, so two reveals at once cannot both chain to the same head.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(IdNumberAccess access) {
        IdNumberAccess.lockChain();
        List<IdNumberAccess> head = IdNumberAccess.<IdNumberAccess>find("order by seq desc").range(0, 0).list();
        // PostgreSQL keeps microseconds: the hash must cover the time as it will be read back.
        access.accessedAt = access.accessedAt.truncatedTo(ChronoUnit.MICROS);
        access.seq = head.isEmpty() ? 1 : head.get(0).seq + 1;
        access.previousHash = head.isEmpty() ? GENESIS : head.get(0).rowHash;
        access.rowHash = access.computeHash();
        access.persist();
    }

    /** Walks the chain from its first row: positions without gaps, each row linked to the one before and unchanged. */
    @Transactional
    public Verdict verify() {
        String previous = GENESIS;
        long expectedSeq = 1;
        List<IdNumberAccess> batch;
        do {
            batch = IdNumberAccess.<IdNumberAccess>find("seq >= ?1 order by seq", expectedSeq)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, CHECK_BATCH - 1).list();
            for (IdNumberAccess row : batch) {
                String rule = row.seq != expectedSeq ? "sequence-gap"
                        : !row.previousHash.equals(previous) ? "previous-hash-mismatch"
                        : !row.rowHash.equals(row.computeHash()) ? "hash-mismatch"
                        : null;
                if (rule != null) {
                    return new Verdict(false, expectedSeq - 1, previous, new BrokenRow(row.id, row.seq, row.accessedAt, rule));
                }
                previous = row.rowHash;
                expectedSeq++;
            }
            em.clear();
        } while (batch.size() == CHECK_BATCH);
        return new Verdict(true, expectedSeq - 1, previous, null);
    }
}
