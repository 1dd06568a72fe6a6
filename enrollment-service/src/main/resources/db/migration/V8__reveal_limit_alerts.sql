-- 身份证号查看限额: a person who asks for more ID number reveals in a day than the limit allows is refused, and the
-- national centre is told once per person and day (GET /api/v1/reveal-alerts); later refusals of that day are counted.
CREATE TABLE reveal_limit_alert (
    id              uuid PRIMARY KEY,
    accessed_by     varchar(200) NOT NULL,
    role            varchar(20)  NOT NULL,
    region          varchar(12),
    day             date         NOT NULL,
    daily_limit     integer      NOT NULL,
    raised_at       timestamptz  NOT NULL,
    refused         integer      NOT NULL,
    last_refused_at timestamptz  NOT NULL,
    CONSTRAINT reveal_limit_alert_once_a_day UNIQUE (accessed_by, day)
);
CREATE INDEX reveal_limit_alert_newest ON reveal_limit_alert (raised_at DESC, id DESC);

-- Each reveal first counts the day's reveals of the same person.
CREATE INDEX id_number_access_by_person ON id_number_access (accessed_by, accessed_at);
