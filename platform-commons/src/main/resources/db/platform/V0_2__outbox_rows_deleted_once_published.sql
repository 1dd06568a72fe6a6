-- The relay now deletes a row in the transaction that claimed it, once the broker acknowledged it, instead of setting
-- published_at: an UPDATE wrote a whole new copy of each ~1 KB row (never HOT, as published_at was in the index's
-- predicate), a DELETE only marks it. The table holds the unpublished rows only; the topics keep what was published.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;
-- One index, on the order the relay reads in: each insert adds to its right-hand end, where the random event ids
-- scattered over the whole of a second index (event ids are random UUIDs, unique by construction).
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_pkey;
ALTER TABLE outbox_event ADD PRIMARY KEY (seq);
