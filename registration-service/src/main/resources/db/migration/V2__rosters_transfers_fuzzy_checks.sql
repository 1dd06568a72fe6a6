-- Rosters of other systems, 学籍异动 transfers, and what the newer checks need. Never edit V1: add here.

-- When the school pushed the record (its first recordedAt): the 学籍 registration time the LATE_REGISTRATION
-- check compares with the province's deadline. Null for rows registered before this column existed.
ALTER TABLE registration ADD COLUMN recorded_at timestamptz;

-- Imported rosters (名册) of the education system: 普通高中 and 中职 registries, one roster per system and province.
-- A re-upload replaces the province's roster. The ID number is turned into a personKey while parsing: never stored.
CREATE TABLE roster_upload (
    system        varchar(32)  NOT NULL,
    province_code varchar(6)   NOT NULL,
    uploaded_at   timestamptz  NOT NULL,
    uploaded_by   varchar(200) NOT NULL,
    rows_read     integer      NOT NULL,
    rows_accepted integer      NOT NULL,
    PRIMARY KEY (system, province_code)
);

CREATE TABLE roster_entry (
    system           varchar(32)  NOT NULL,
    province_code    varchar(6)   NOT NULL,
    line             integer      NOT NULL,
    person_key       varchar(64)  NOT NULL,
    id_number_masked varchar(32)  NOT NULL,
    name             varchar(100) NOT NULL,
    gender           varchar(8)   NOT NULL,
    birth_date       date         NOT NULL,
    school_name      varchar(200) NOT NULL,
    status           varchar(32)  NOT NULL,
    active           boolean      NOT NULL,
    PRIMARY KEY (system, province_code, line)
);
CREATE INDEX roster_entry_active_person ON roster_entry (person_key) WHERE active;

-- 转学 requests: a school asks, the province approves or rejects; the age of a pending request is visible.
CREATE TABLE transfer_request (
    id               uuid          PRIMARY KEY,
    registration_id  uuid          NOT NULL REFERENCES registration (id),
    from_school_code varchar(32)   NOT NULL,
    to_school_code   varchar(32)   NOT NULL,
    province_code    varchar(6)    NOT NULL,
    city_code        varchar(6)    NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    effective_on     date          NOT NULL,
    reason           varchar(500),
    requested_by     varchar(200)  NOT NULL,
    requested_at     timestamptz   NOT NULL,
    decided_by       varchar(200),
    decided_at       timestamptz,
    decision_note    varchar(2000)
);
-- At most one pending transfer per 学籍.
CREATE UNIQUE INDEX transfer_request_one_pending ON transfer_request (registration_id) WHERE status = 'PENDING';
CREATE INDEX transfer_request_listing ON transfer_request (status, requested_at);
