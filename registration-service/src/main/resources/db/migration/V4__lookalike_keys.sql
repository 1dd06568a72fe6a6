-- The fuzzy PROBABLE_DUPLICATE check read every ACTIVE 学籍 of its block (birth date, gender) — hundreds against
-- 1,000,000 — from a covering index and compared the names in Java. A 学籍 now keeps its lookalike keys (LookalikeKeys:
-- the block and a combination of fuzzy readings of the name's first two characters); alike names of one block always
-- share one, so the check looks up those keys alone, a handful of rows.
ALTER TABLE registration ADD COLUMN lookalike_keys int8[];
-- fastupdate off: each new 学籍 goes straight into the index, so the next event's lookup never scans a pending list.
CREATE INDEX registration_lookalike_keys ON registration USING gin (lookalike_keys) WITH (fastupdate = off)
    WHERE status = 'ACTIVE';
-- 学籍 stored before this migration have no keys: the check still reads them by block (the index empties as they end).
DROP INDEX registration_lookalike;
CREATE INDEX registration_lookalike_unkeyed ON registration (birth_date, gender) INCLUDE (person_key, name, enrollment_id)
    WHERE status = 'ACTIVE' AND lookalike_keys IS NULL;
