-- 招生计划 (enrollment plans), their workflow and the plan-compliance alerts raised against them.

-- 专业目录备案: the filed major catalogue of each school with the class levels each major is filed for, from
-- school-events (SchoolUpserted.majors). A plan line is checked against it before the plan is issued.
CREATE TABLE school_major (
    school_code varchar(32)  NOT NULL REFERENCES school (code),
    major_code  varchar(32)  NOT NULL,
    major_name  varchar(200) NOT NULL,
    class_level varchar(32)  NOT NULL,
    PRIMARY KEY (school_code, major_code, class_level)
);

-- Alerts name enrollment records the way schools know them (schoolCode + sourceRecordId), and the recruitment-order
-- rule needs the school's type and 省属 flag as the event carried them.
ALTER TABLE enrollment_fact ADD COLUMN source_record_id  varchar(200);
ALTER TABLE enrollment_fact ADD COLUMN school_type       varchar(32);
ALTER TABLE enrollment_fact ADD COLUMN school_provincial boolean;
CREATE INDEX enrollment_fact_cell ON enrollment_fact (school_code, intake_year, major_code, class_level) WHERE active;

-- 招生计划: one per school and intake year. DRAFT (草稿) → ISSUED (下达) → FILED (备案); after issue it changes only
-- through an adjustment request (调整申请) the province approves.
CREATE TABLE enrollment_plan (
    id            uuid        PRIMARY KEY,
    school_code   varchar(32) NOT NULL REFERENCES school (code),
    province_code varchar(6)  NOT NULL,
    city_code     varchar(6)  NOT NULL,
    year          integer     NOT NULL,
    status        varchar(16) NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'FILED')),
    created_by    varchar(200) NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT enrollment_plan_school_year UNIQUE (school_code, year)
);
CREATE INDEX enrollment_plan_region ON enrollment_plan (year, province_code, city_code);

-- 计划明细: students planned per major, class level and study mode.
CREATE TABLE plan_line (
    id          bigserial   PRIMARY KEY,
    plan_id     uuid        NOT NULL REFERENCES enrollment_plan (id),
    line_no     integer     NOT NULL,
    major_code  varchar(32) NOT NULL,
    class_level varchar(32) NOT NULL,
    study_mode  varchar(16) NOT NULL,
    count       integer     NOT NULL CHECK (count > 0),
    CONSTRAINT plan_line_unique UNIQUE (plan_id, major_code, class_level, study_mode)
);
CREATE INDEX plan_line_plan ON plan_line (plan_id, line_no);

-- 调整申请: the lines a plan would have after the adjustment, the reason, and the province's decision.
CREATE TABLE plan_adjustment (
    id            uuid         PRIMARY KEY,
    plan_id       uuid         NOT NULL REFERENCES enrollment_plan (id),
    status        varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    lines         text         NOT NULL,
    reason        text         NOT NULL,
    requested_by  varchar(200) NOT NULL,
    requested_at  timestamptz  NOT NULL,
    decided_by    varchar(200),
    decided_at    timestamptz,
    decision_note text
);
CREATE INDEX plan_adjustment_plan ON plan_adjustment (plan_id, requested_at);

-- Every step of a plan: who, when, what, the status after it and, where lines changed, the lines after it.
CREATE TABLE plan_history (
    id            bigserial    PRIMARY KEY,
    plan_id       uuid         NOT NULL REFERENCES enrollment_plan (id),
    action        varchar(32)  NOT NULL,
    status        varchar(16)  NOT NULL,
    actor         varchar(200) NOT NULL,
    at            timestamptz  NOT NULL,
    note          text,
    adjustment_id uuid,
    lines         text
);
CREATE INDEX plan_history_plan ON plan_history (plan_id, id);

-- Plan-compliance alerts: exactly one per (type, subject), however often events are replayed. The subject is the
-- school + year (NO_PLAN), school + year + major + level (OVER_PLAN) or the enrollment record (CROSS_CITY_RECRUITMENT).
CREATE TABLE plan_alert (
    id            uuid         PRIMARY KEY,
    type          varchar(32)  NOT NULL CHECK (type IN ('OVER_PLAN', 'NO_PLAN', 'CROSS_CITY_RECRUITMENT')),
    subject_key   varchar(300) NOT NULL,
    status        varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'INVESTIGATING', 'CONFIRMED', 'DISMISSED', 'REFERRED')),
    school_code   varchar(32)  NOT NULL,
    province_code varchar(6)   NOT NULL,
    city_code     varchar(6)   NOT NULL,
    intake_year   integer      NOT NULL,
    major_code    varchar(32),
    class_level   varchar(32),
    planned       integer,
    actual        integer,
    origin_region varchar(6),
    raised_at     timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT plan_alert_subject_unique UNIQUE (type, subject_key)
);
CREATE INDEX plan_alert_listing ON plan_alert (raised_at DESC, id DESC);
CREATE INDEX plan_alert_scope ON plan_alert (province_code, city_code, school_code, intake_year);

-- The enrollment records an alert names.
CREATE TABLE plan_alert_record (
    alert_id         uuid         NOT NULL REFERENCES plan_alert (id),
    enrollment_id    uuid         NOT NULL,
    school_code      varchar(32)  NOT NULL,
    source_record_id varchar(200),
    PRIMARY KEY (alert_id, enrollment_id)
);

-- Every workflow step of an alert: who, when, from which status to which, and the note.
CREATE TABLE plan_alert_transition (
    id          bigserial    PRIMARY KEY,
    alert_id    uuid         NOT NULL REFERENCES plan_alert (id),
    from_status varchar(16),
    to_status   varchar(16)  NOT NULL,
    actor       varchar(200) NOT NULL,
    at          timestamptz  NOT NULL,
    note        text
);
CREATE INDEX plan_alert_transition_alert ON plan_alert_transition (alert_id, id);
