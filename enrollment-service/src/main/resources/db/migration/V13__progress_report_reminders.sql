-- The ProgressReportOverdue events sent: one per province and report month, however many instances look and however
-- often (the row and its outbox event commit together; a second insert of the key does nothing).
CREATE TABLE progress_report_reminder (
    province_code varchar(6)   NOT NULL,
    report_month  varchar(7)   NOT NULL,
    due_on        date         NOT NULL,
    sent_at       timestamptz  NOT NULL,
    PRIMARY KEY (province_code, report_month)
);
