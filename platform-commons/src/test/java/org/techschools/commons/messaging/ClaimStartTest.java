package org.techschools.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The outbox relay's claims over an outbox table kept in memory the way PostgreSQL shows it to the relay: only committed
 * rows are visible, a claim takes the lowest {@code batch} rows above its start and deletes them. What a consumer would
 * notice is checked: every committed event is sent, once, even when a transaction with lower seqs commits late.
 */
class ClaimStartTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Duration FULL_SCAN = Duration.ofSeconds(5);

    /** Committed, not yet sent rows by seq. */
    private final TreeSet<Long> table = new TreeSet<>();
    private final List<Long> sent = new ArrayList<>();
    private final ClaimStart start = new ClaimStart(FULL_SCAN);
    private long committedBelow = Long.MAX_VALUE;

    @Test
    void rowsOfATransactionThatCommitsAfterLaterRowsWereSentAreSentAtTheNextClaim() {
        // A took seqs 1-3 and is still open; B took 4-6 and committed: the relay sees and sends B's rows only.
        commit(3, 4, 5, 6);
        claim(0, 500);
        assertEquals(List.of(4L, 5L, 6L), sent);

        commit(0, 1, 2, 3);
        claim(SECOND, 500);
        assertEquals(List.of(4L, 5L, 6L, 1L, 2L, 3L), sent, "A's commit notice takes the next claim below the rows sent");
    }

    @Test
    void rowsCommittedBelowTheStartWithoutANoticeAreFoundByTheNextFullScan() {
        // Another instance's transaction: its commit tells this relay nothing.
        commit(3, 4, 5, 6);
        claim(0, 500);
        table.addAll(List.of(1L, 2L, 3L));
        claim(SECOND, 500);
        claim(4 * SECOND, 500);
        assertEquals(List.of(4L, 5L, 6L), sent, "within the interval the relay reads from above the last row it sent");
        claim(5 * SECOND, 500);
        assertEquals(List.of(4L, 5L, 6L, 1L, 2L, 3L), sent);
    }

    @Test
    void aBusyTableGoesOutBatchByBatchInSeqOrderEachRowOnce() {
        commit(0, LongStream.rangeClosed(1, 1_250).toArray());
        for (int i = 0; i < 4; i++) {
            claim(i, 500);
        }
        assertEquals(LongStream.rangeClosed(1, 1_250).boxed().toList(), sent);
        assertEquals(List.of(), List.copyOf(table));
    }

    @Test
    void afterAFailedPublishTheNextClaimStartsFromTheBeginning() {
        commit(3, 4, 5, 6);
        claim(0, 500);
        table.addAll(List.of(1L, 2L, 3L)); // committed by another instance, no notice
        assertEquals(6, start.next(Long.MAX_VALUE, SECOND), "within the interval: above the last row sent");
        start.failed(); // e.g. the broker was down: the claim rolled back and this attempt used up a notice
        claim(2 * SECOND, 500);
        assertEquals(List.of(4L, 5L, 6L, 1L, 2L, 3L), sent, "the retry looks at the whole table at once");
    }

    /** A transaction commits its rows; its notice says they all lie above {@code seqBelow}. */
    private void commit(long seqBelow, long... seqs) {
        for (long seq : seqs) {
            table.add(seq);
        }
        committedBelow = Math.min(committedBelow, seqBelow);
    }

    /** One publishBatch as the relay runs it: the claim's SQL is "seq > from ORDER BY seq LIMIT batch", deleting what it takes. */
    private void claim(long nowNanos, int batch) {
        long from = start.next(committedBelow, nowNanos);
        committedBelow = Long.MAX_VALUE;
        List<Long> rows = table.tailSet(from, false).stream().limit(batch).toList();
        if (rows.isEmpty()) {
            start.nothingFound(from);
            return;
        }
        table.removeAll(rows);
        sent.addAll(rows);
        start.sent(from, rows.get(rows.size() - 1));
    }
}
