package org.techschools.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a trace (OpenTelemetry, W3C Trace Context) over the hops that are not HTTP, so one enrollment's path from the
 * school's request to its alert is one trace: the span that appends an outbox row gives the row its
 * {@value #HEADER}; the relay sends it as the Kafka record's header; the consumer applies the record inside a span
 * that continues it, and the rows that transaction appends carry that span on. An event that arrives without the
 * header (a registry rebuild's replay, a record from before tracing) is applied without a span of its own.
 */
@ApplicationScoped
public class EventTraces {

    /** The W3C Trace Context header, on Kafka records as on HTTP requests. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** The trace each event of the batch being applied on this thread arrived in, by eventId. */
    private static final ThreadLocal<Map<UUID, Context>> BATCH = new ThreadLocal<>();

    @Inject
    Tracer tracer;

    /** The traceparent of the current span, for the outbox row being appended; null outside any trace. */
    public String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The trace a consumed record arrived in: its traceparent header, or none. */
    public Context arrivedIn(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /**
     * Makes the event's trace current until closed, in a span of its own ("apply"), and names the trace in the MDC (the
     * production log's traceId field): what the handler writes meanwhile — outbox rows, log lines — belongs to it.
     */
    public Applying applying(String topic, EventEnvelope envelope, Context arrivedIn) {
        if (!Span.fromContext(arrivedIn).getSpanContext().isValid()) {
            return Applying.NONE;
        }
        Span span = tracer.spanBuilder(topic + " apply " + envelope.eventType()).setParent(arrivedIn)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", envelope.eventId().toString())
                .startSpan();
        Scope scope = span.makeCurrent();
        MDC.put("traceId", span.getSpanContext().getTraceId());
        return () -> {
            MDC.remove("traceId");
            scope.close();
            span.end();
        };
    }

    /**
     * For a handler that applies a polled batch one event at a time: the event's own trace made current, as
     * {@link #applying(String, EventEnvelope, Context)} does for a single event.
     */
    public Applying applying(String topic, EventEnvelope envelope) {
        Map<UUID, Context> batch = BATCH.get();
        Context arrivedIn = batch == null ? null : batch.get(envelope.eventId());
        return arrivedIn == null ? Applying.NONE : applying(topic, envelope, arrivedIn);
    }

    /**
     * The payloads of a batch, each with its way back into the trace its event arrived in: for a handler that prepares
     * the whole batch at once (lookups, locks) and then applies its events one at a time.
     */
    public <T> List<Traced<T>> traced(String topic, List<EventEnvelope> envelopes, Function<EventEnvelope, T> read) {
        return envelopes.stream().map(envelope -> new Traced<>(read.apply(envelope), () -> applying(topic, envelope))).toList();
    }

    /** A consumed event's payload; {@code trace} makes its trace current, as {@link #applying(String, EventEnvelope)}. */
    public record Traced<T>(T payload, Supplier<Applying> trace) {
    }

    /** Runs a batch's handler with the traces its events arrived in at hand ({@link #applying(String, EventEnvelope)}). */
    <T> T inBatch(List<EventEnvelope> envelopes, List<Context> arrivedIn, Supplier<T> handler) {
        Map<UUID, Context> batch = new HashMap<>(envelopes.size() * 2);
        for (int i = 0; i < envelopes.size(); i++) {
            batch.put(envelopes.get(i).eventId(), arrivedIn.get(i));
        }
        BATCH.set(batch);
        try {
            return handler.get();
        } finally {
            BATCH.remove();
        }
    }

    /** The span of an event being applied; closing it ends the span. */
    @FunctionalInterface
    public interface Applying extends AutoCloseable {

        Applying NONE = () -> {
        };

        @Override
        void close();
    }
}
