-- The W3C traceparent of the span that appended the row (the HTTP request, or the consumed event's apply step), so the
-- relay can put it on the Kafka record and the consumers continue the same trace. NULL outside any trace.
ALTER TABLE outbox_event ADD COLUMN trace_parent varchar(55);
