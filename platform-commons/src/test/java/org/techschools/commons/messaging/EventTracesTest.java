package org.techschools.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/** How a trace comes off a Kafka record, and what happens to an event that arrives without one. */
class EventTracesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";

    private final EventTraces traces = new EventTraces();

    @Test
    void aRecordsTraceparentHeaderIsTheTraceItArrivedIn() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", "EnrollmentRecorded".getBytes(StandardCharsets.UTF_8));
        headers.add(EventTraces.HEADER, ("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01").getBytes(StandardCharsets.UTF_8));

        SpanContext arrived = Span.fromContext(traces.arrivedIn(headers)).getSpanContext();

        assertEquals(TRACE_ID, arrived.getTraceId());
        assertEquals(PARENT_SPAN, arrived.getSpanId());
        assertEquals(true, arrived.isSampled());
        assertEquals(true, arrived.isRemote());
    }

    @Test
    void aRecordWithoutOrWithABrokenHeaderArrivedInNoTrace() {
        RecordHeaders broken = new RecordHeaders();
        broken.add(EventTraces.HEADER, "00-not-a-trace-01".getBytes(StandardCharsets.UTF_8));

        assertFalse(Span.fromContext(traces.arrivedIn(new RecordHeaders())).getSpanContext().isValid());
        assertFalse(Span.fromContext(traces.arrivedIn(broken)).getSpanContext().isValid());
    }

    @Test
    void anEventOutsideAnyTraceIsAppliedWithoutASpanAndItsRowsCarryNoTraceparent() {
        EventEnvelope replayed = new EventEnvelope(UUID.randomUUID(), "EnrollmentRecorded", 1, Instant.EPOCH, "test",
                "person", JsonNodeFactory.instance.objectNode());

        assertSame(EventTraces.Applying.NONE, traces.applying("enrollment-events", replayed, Context.root()));
        assertSame(EventTraces.Applying.NONE, traces.applying("enrollment-events", replayed),
                "outside a consumed batch no event has a trace to resume");
        assertNull(traces.currentTraceParent());
    }
}
