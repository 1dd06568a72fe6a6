-- registration-service schema. Flyway owns it; Hibernate validates it.

-- Projection of enrollment-service's school directory (学校名录), built from school-events.
CREATE TABLE school (
    code          varchar(32)  PRIMARY KEY,
    name          varchar(200) NOT NULL,
    type          varchar(32)  NOT NULL,
    province_code varchar(6)   NOT NULL,
    city_code     varchar(6)   NOT NULL,
    provincial    boolean      NOT NULL,
    updated_at    timestamptz  NOT NULL
);

-- 学籍: one row per person per school stint, created from an enrollment record (ID masked; the person is a personKey).
CREATE TABLE registration (
    id                 uuid         PRIMARY KEY,
    enrollment_id      uuid         NOT NULL UNIQUE,
    enrollment_version integer      NOT NULL,
    school_code        varchar(32)  NOT NULL,
    source_record_id   varchar(100) NOT NULL,
    person_key         varchar(64)  NOT NULL,
    id_number_masked   varchar(32)  NOT NULL,
    name               varchar(100) NOT NULL,
    gender             varchar(8)   NOT NULL,
    birth_date         date         NOT NULL,
    study_mode         varchar(16)  NOT NULL,
    class_level        varchar(32)  NOT NULL,
    major_code         varchar(32)  NOT NULL,
    intake_year        integer      NOT NULL,
    intake_season      varchar(8)   NOT NULL,
    enrolled_on        date         NOT NULL,
    province_code      varchar(6)   NOT NULL,
    city_code          varchar(6)   NOT NULL,
    status             varchar(16)  NOT NULL
        CHECK (status IN ('ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'GRADUATED', 'CANCELLED', 'TRANSFERRED_OUT')),
    registered_at      timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
CREATE INDEX registration_person ON registration (person_key);
CREATE INDEX registration_birth_gender ON registration (birth_date, gender);

-- Auditor alerts: exactly one per (type, conflicting pair), however often events are replayed.
CREATE TABLE alert (
    id                uuid         PRIMARY KEY,
    type              varchar(40)  NOT NULL,
    severity          varchar(8)   NOT NULL,
    status            varchar(16)  NOT NULL,
    pair_key          varchar(100) NOT NULL,
    raised_at         timestamptz  NOT NULL,
    score             numeric(5, 4),
    evidence          text         NOT NULL,
    resolution_reason varchar(40),
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT alert_pair_unique UNIQUE (type, pair_key)
);
CREATE INDEX alert_listing ON alert (raised_at DESC, id DESC);

-- The enrollment records an alert names, as they were when it was raised (ID masked), with their scope.
CREATE TABLE alert_record (
    alert_id         uuid         NOT NULL REFERENCES alert (id),
    enrollment_id    uuid         NOT NULL,
    school_code      varchar(32)  NOT NULL,
    source_record_id varchar(100) NOT NULL,
    id_number_masked varchar(32)  NOT NULL,
    name             varchar(100) NOT NULL,
    province_code    varchar(6)   NOT NULL,
    city_code        varchar(6)   NOT NULL,
    PRIMARY KEY (alert_id, enrollment_id)
);
CREATE INDEX alert_record_enrollment ON alert_record (enrollment_id);
CREATE INDEX alert_record_scope ON alert_record (province_code, city_code, school_code);

-- Every workflow step of an alert: who, when, from which status to which, and why.
CREATE TABLE alert_transition (
    id          bigserial    PRIMARY KEY,
    alert_id    uuid         NOT NULL REFERENCES alert (id),
    from_status varchar(16),
    to_status   varchar(16)  NOT NULL,
    actor       varchar(200) NOT NULL,
    at          timestamptz  NOT NULL,
    note        varchar(2000)
);
CREATE INDEX alert_transition_alert ON alert_transition (alert_id, at);

-- outbox_event and processed_event come from platform-commons (db/platform/V0_1__outbox_and_processed_events.sql).
