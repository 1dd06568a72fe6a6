-- enrollment-service schema, step 3: CSV/XLSX uploads of schools without an API client.

-- 表格导入记录: one uploaded file, its outcome counts and the per-row report (CSV, no ID numbers) the school can
-- download again later.
CREATE TABLE enrollment_upload (
    id          uuid         PRIMARY KEY,
    school_code varchar(32)  NOT NULL REFERENCES school (code),
    uploaded_by varchar(200) NOT NULL,
    uploaded_at timestamptz  NOT NULL,
    file_name   varchar(300),
    row_count   integer      NOT NULL,
    created     integer      NOT NULL,
    unchanged   integer      NOT NULL,
    corrected   integer      NOT NULL,
    rejected    integer      NOT NULL,
    report      text         NOT NULL
);
CREATE INDEX enrollment_upload_school ON enrollment_upload (school_code, uploaded_at DESC);
