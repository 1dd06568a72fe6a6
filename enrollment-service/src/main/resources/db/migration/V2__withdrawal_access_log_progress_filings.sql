-- enrollment-service schema, step 2: ID-number access log and filed monthly progress reports.

-- 身份证号查看记录: every reveal of a full ID number (who, role, when, why, which record), written in the
-- transaction that decrypts it, so no reveal goes unrecorded.
CREATE TABLE id_number_access (
    id            uuid         PRIMARY KEY,
    enrollment_id uuid         NOT NULL REFERENCES enrollment (id),
    school_code   varchar(32)  NOT NULL,
    province_code varchar(6)   NOT NULL,
    accessed_by   varchar(200) NOT NULL,
    role          varchar(32)  NOT NULL,
    accessed_at   timestamptz  NOT NULL,
    reason        varchar(500) NOT NULL
);
CREATE INDEX id_number_access_newest ON id_number_access (accessed_at DESC, id DESC);
CREATE INDEX id_number_access_province ON id_number_access (province_code, accessed_at DESC, id DESC);

-- The 进展表 as rebuilt at a month's end needs each record's history after a cut-off.
CREATE INDEX enrollment_version_replaced ON enrollment_version (enrollment_id, replaced_at);
CREATE INDEX enrollment_province_created ON enrollment (province_code, created_at);

-- 进展表报送: the figures a province filed for a month (the current filing); a refiling moves the previous
-- one to progress_report_filing_history.
CREATE TABLE progress_report_filing (
    province_code  varchar(6)   NOT NULL,
    report_month   varchar(7)   NOT NULL,
    figures        text         NOT NULL,
    filed_at       timestamptz  NOT NULL,
    filed_by       varchar(200) NOT NULL,
    timeliness     varchar(16)  NOT NULL,
    first_filed_at timestamptz  NOT NULL,
    PRIMARY KEY (province_code, report_month)
);

CREATE TABLE progress_report_filing_history (
    id            bigserial    PRIMARY KEY,
    province_code varchar(6)   NOT NULL,
    report_month  varchar(7)   NOT NULL,
    figures       text         NOT NULL,
    filed_at      timestamptz  NOT NULL,
    filed_by      varchar(200) NOT NULL,
    timeliness    varchar(16)  NOT NULL,
    superseded_at timestamptz  NOT NULL
);
CREATE INDEX progress_report_filing_history_month ON progress_report_filing_history (province_code, report_month, filed_at);
