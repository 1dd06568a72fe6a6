-- 身份证号查看记录, tamper-evident: rows are appended only, and each carries a SHA-256 hash over its own fields and the
-- previous row's hash, so a row changed or removed behind the service's back breaks the chain at that row
-- (GET /api/v1/access-log/verify names it).

-- Position in the chain; the service assigns it under a lock, so concurrent reveals cannot fork the chain.
ALTER TABLE id_number_access ADD COLUMN seq bigint;
ALTER TABLE id_number_access ADD COLUMN previous_hash varchar(64);
ALTER TABLE id_number_access ADD COLUMN row_hash varchar(64);

-- The canonical form of a row, as IdNumberAccess.canonical() builds it: each field as its UTF-8 byte length, ':', the
-- value and a line feed (so no value can pass for two); the time in microseconds since the epoch.
CREATE FUNCTION id_number_access_canonical(seq bigint, id uuid, enrollment_id uuid, school_code text, province_code text,
        accessed_by text, role text, accessed_at timestamptz, reason text, previous_hash text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(octet_length(v) || ':' || v || E'\n', '' ORDER BY n)
    FROM unnest(ARRAY[seq::text, id::text, enrollment_id::text, school_code, province_code, accessed_by, role,
                      ((extract(epoch FROM accessed_at) * 1000000)::bigint)::text, reason, previous_hash])
         WITH ORDINALITY AS f(v, n)
$$;

-- Rows written before: chained in the order they were written.
DO $$
DECLARE
    r record;
    n bigint := 0;
    previous varchar(64) := repeat('0', 64);
    hash varchar(64);
BEGIN
    FOR r IN SELECT * FROM id_number_access ORDER BY accessed_at, id LOOP
        n := n + 1;
        hash := encode(sha256(convert_to(id_number_access_canonical(n, r.id, r.enrollment_id, r.school_code,
                r.province_code, r.accessed_by, r.role, r.accessed_at, r.reason, previous), 'UTF8')), 'hex');
        UPDATE id_number_access SET seq = n, previous_hash = previous, row_hash = hash WHERE id = r.id;
        previous := hash;
    END LOOP;
END $$;
-- Only the backfill needed it: the service hashes in Java (IdNumberAccess), the check recomputes there too.
DROP FUNCTION id_number_access_canonical;

ALTER TABLE id_number_access ALTER COLUMN seq SET NOT NULL;
ALTER TABLE id_number_access ALTER COLUMN previous_hash SET NOT NULL;
ALTER TABLE id_number_access ALTER COLUMN row_hash SET NOT NULL;
ALTER TABLE id_number_access ADD CONSTRAINT id_number_access_seq_unique UNIQUE (seq);

-- Append-only for every user: the trigger holds for superusers and the table's owner too.
CREATE FUNCTION id_number_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ID-number access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER id_number_access_no_change BEFORE UPDATE OR DELETE ON id_number_access
    FOR EACH ROW EXECUTE FUNCTION id_number_access_append_only();
CREATE TRIGGER id_number_access_no_truncate BEFORE TRUNCATE ON id_number_access
    FOR EACH STATEMENT EXECUTE FUNCTION id_number_access_append_only();

-- And no grant to change it: not to PUBLIC, not to the role the service (and this migration) runs as.
REVOKE UPDATE, DELETE, TRUNCATE ON id_number_access FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON id_number_access FROM %I', current_user);
END $$;
