package org.techschools.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachPauseDoublesTheNextUpToTheMaximumAndASuccessStartsOver() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5));
        assertEquals(1, backoff.nextMillis());
        assertTrue(backoff.pause());
        assertEquals(2, backoff.nextMillis());
        backoff.pause();
        assertEquals(4, backoff.nextMillis());
        backoff.pause();
        assertEquals(5, backoff.nextMillis());
        backoff.pause();
        assertEquals(5, backoff.nextMillis());
        backoff.reset();
        assertEquals(1, backoff.nextMillis());
    }

    @Test
    void anInterruptedPauseSaysSoAndKeepsTheInterrupt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10));
        Thread.currentThread().interrupt();
        try {
            assertFalse(backoff.pause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
