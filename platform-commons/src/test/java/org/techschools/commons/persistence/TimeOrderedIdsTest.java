package org.techschools.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidStartingWithItsMillisecond() {
        Instant at = Instant.parse("2026-09-01T08:30:00.123Z");
        UUID id = TimeOrderedIds.next(Clock.fixed(at, ZoneOffset.UTC));

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        assertEquals(UUID.fromString(id.toString()), id);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsPostgreSqlComparesThem() {
        UUID earlier = TimeOrderedIds.next(Clock.fixed(Instant.parse("2026-09-01T08:30:00.123Z"), ZoneOffset.UTC));
        UUID later = TimeOrderedIds.next(Clock.fixed(Instant.parse("2026-09-01T08:30:00.124Z"), ZoneOffset.UTC));

        // PostgreSQL orders uuid values by their bytes, unsigned, as their text sorts.
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondStillDiffer() {
        Clock stopped = Clock.fixed(Instant.parse("2026-09-01T08:30:00Z"), ZoneOffset.UTC);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next(stopped));
        }
        assertEquals(10_000, ids.size());
        assertNotEquals(ids.iterator().next().getLeastSignificantBits(), 0L);
    }
}
