package org.techschools.commons.messaging;

import java.time.Duration;

/**
 * Where the {@link OutboxRelay}'s next claim starts: the seq above which it takes rows. Just above the last row it sent,
 * so a claim does not step over the deleted rows again; lower when a transaction that committed meanwhile has rows below
 * that ({@link Outbox.Appended}); from the start of the table every full-scan interval and after a failed publish, for
 * rows of another instance's transactions and notices a failed attempt used up. Only the relay thread uses it.
 */
final class ClaimStart {

    private final long fullScanIntervalNanos;
    private long claimedUpTo;
    /** When the last claim from the start began ({@link System#nanoTime()}: an interval, not a time of day). */
    private long lastFullScan;
    private boolean fullScanDue = true;

    ClaimStart(Duration fullScanInterval) {
        this.fullScanIntervalNanos = fullScanInterval.toNanos();
    }

    /**
     * @param committedBelow the lowest {@link Outbox.Appended#seqBelow()} of the transactions that committed since the
     *                       last claim, {@link Long#MAX_VALUE} when none did
     * @param nowNanos       {@link System#nanoTime()}
     * @return the seq the claim takes rows above
     */
    long next(long committedBelow, long nowNanos) {
        if (fullScanDue || nowNanos - lastFullScan >= fullScanIntervalNanos) {
            fullScanDue = false;
            lastFullScan = nowNanos;
            return 0;
        }
        return Math.min(claimedUpTo, committedBelow);
    }

    /** The claim from {@code from} sent rows up to {@code lastSeq}; rows below it that it did not see are still uncommitted. */
    void sent(long from, long lastSeq) {
        claimedUpTo = Math.max(from, lastSeq);
    }

    /** The claim from {@code from} found nothing: the next one starts there again (it may have started lower than before). */
    void nothingFound(long from) {
        claimedUpTo = from;
    }

    /** A publish failed: nothing was deleted, and the next claim starts from the beginning. */
    void failed() {
        fullScanDue = true;
    }
}
