-- enrollment-service schema. Flyway owns it; Hibernate validates it.

-- 学校名录: the school directory with its filed major catalogue (专业目录备案).
CREATE TABLE school (
    code            varchar(32)  PRIMARY KEY,
    name            varchar(200) NOT NULL,
    type            varchar(32)  NOT NULL,
    province_code   varchar(6)   NOT NULL,
    city_code       varchar(6)   NOT NULL,
    provincial      boolean      NOT NULL,
    ownership       varchar(32),
    hotline         varchar(64),
    qualified_years varchar(200) NOT NULL,
    updated_at      timestamptz  NOT NULL,
    updated_by      varchar(200) NOT NULL
);
CREATE INDEX school_province ON school (province_code, city_code);

CREATE TABLE school_major (
    school_code varchar(32)  NOT NULL REFERENCES school (code),
    major_code  varchar(32)  NOT NULL,
    major_name  varchar(200) NOT NULL,
    levels      varchar(200) NOT NULL,
    PRIMARY KEY (school_code, major_code)
);

-- 招生录取记录: one row per (school, the school system's record id); corrections keep history in enrollment_version.
CREATE TABLE enrollment (
    id                  uuid         PRIMARY KEY,
    school_code         varchar(32)  NOT NULL REFERENCES school (code),
    source_record_id    varchar(100) NOT NULL,
    version             integer      NOT NULL,
    content_hash        varchar(64)  NOT NULL,
    status              varchar(16)  NOT NULL,
    person_key          varchar(64)  NOT NULL,
    id_type             varchar(32)  NOT NULL,
    id_number_encrypted bytea        NOT NULL,
    id_number_masked    varchar(32)  NOT NULL,
    name                varchar(100) NOT NULL,
    gender              varchar(8)   NOT NULL,
    birth_date          date         NOT NULL,
    major_code          varchar(32)  NOT NULL,
    class_level         varchar(32)  NOT NULL,
    study_mode          varchar(16)  NOT NULL,
    intake_year         integer      NOT NULL,
    intake_season       varchar(8)   NOT NULL,
    enrolled_on         date         NOT NULL,
    source_category     varchar(64),
    origin_region       varchar(6),
    priority_flags      varchar(500) NOT NULL,
    employer            varchar(200),
    province_code       varchar(6)   NOT NULL,
    city_code           varchar(6)   NOT NULL,
    check_status        varchar(16)  NOT NULL,
    alert_ids           varchar(4000) NOT NULL,
    checked_at          timestamptz,
    withdrawal_reason   varchar(500),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT enrollment_source_unique UNIQUE (school_code, source_record_id)
);
CREATE INDEX enrollment_person ON enrollment (person_key);
CREATE INDEX enrollment_scope ON enrollment (province_code, city_code, school_code, intake_year);
CREATE INDEX enrollment_updated ON enrollment (updated_at, id);

-- Every earlier version of a corrected or withdrawn record, as it was (ID masked).
CREATE TABLE enrollment_version (
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id),
    version       integer     NOT NULL,
    content       text        NOT NULL,
    replaced_at   timestamptz NOT NULL,
    PRIMARY KEY (enrollment_id, version)
);

-- outbox_event and processed_event come from platform-commons (db/platform/V0_1__outbox_and_processed_events.sql).
