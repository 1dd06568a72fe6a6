-- 重建学籍库 across instances: the rebuild's status and who owns the registry (the live consumers or a running rebuild)
-- were in one JVM's memory; here every instance of the service reads and changes the same row. One row, id 1.
-- run_id names the running rebuild (an instance only writes progress for its own run); heartbeat_at, set by the database's
-- clock that all instances share, tells a rebuild whose instance stopped from one that runs.
CREATE TABLE registry_rebuild (
    id                   smallint     PRIMARY KEY CHECK (id = 1),
    state                varchar(16)  NOT NULL CHECK (state IN ('IDLE', 'RUNNING', 'DONE', 'FAILED')),
    rebuilding           boolean      NOT NULL,
    run_id               uuid,
    requested_by         varchar(200),
    started_at           timestamptz,
    finished_at          timestamptz,
    heartbeat_at         timestamptz,
    registrations_before bigint       NOT NULL DEFAULT 0,
    alerts_before        bigint       NOT NULL DEFAULT 0,
    events_applied       bigint       NOT NULL DEFAULT 0,
    events_skipped       bigint       NOT NULL DEFAULT 0,
    registrations_after  bigint       NOT NULL DEFAULT 0,
    alerts_after         bigint       NOT NULL DEFAULT 0,
    failure              varchar(1000)
);
INSERT INTO registry_rebuild (id, state, rebuilding) VALUES (1, 'IDLE', false);
