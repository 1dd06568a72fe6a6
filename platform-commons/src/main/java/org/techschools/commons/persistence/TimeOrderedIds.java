package org.techschools.commons.persistence;

import java.time.Clock;
import java.util.UUID;

/**
 * Ids for rows written by the hundred a second (学籍, enrollments, alerts, events): UUID version 7 (RFC 9562), the
 * creation millisecond first, then 74 random bits. Random version 4 ids scatter every insert over the whole of a
 * primary key's B-tree: on a registry of millions each lands on a page not in the buffers, and the first change to a
 * page after a checkpoint writes the whole page to the WAL. Ids taken in order fill the index's last pages instead.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;

    private TimeOrderedIds() {
    }

    public static UUID next(Clock clock) {
        // Version 4's random bits, its variant bits kept; the top 48 bits become the time, the next 4 the version.
        UUID random = UUID.randomUUID();
        long high = clock.millis() << 16 | VERSION_7 | random.getMostSignificantBits() & 0x0FFFL;
        return new UUID(high, random.getLeastSignificantBits());
    }
}
