-- 年度总结报送: a city office files its annual summary with the province (seed 002: by 30 November). Every filing is
-- kept: a refiling marks the one before superseded, so the province sees what was filed when.
CREATE TABLE annual_summary_filing (
    id            uuid         PRIMARY KEY,
    year          integer      NOT NULL,
    province_code varchar(6)   NOT NULL,
    city_code     varchar(6)   NOT NULL,
    figures       text         NOT NULL,
    filed_at      timestamptz  NOT NULL,
    filed_by      varchar(200) NOT NULL,
    timeliness    varchar(8)   NOT NULL CHECK (timeliness IN ('ON_TIME', 'LATE')),
    superseded_at timestamptz
);
CREATE UNIQUE INDEX annual_summary_filing_current ON annual_summary_filing (year, city_code) WHERE superseded_at IS NULL;
CREATE INDEX annual_summary_filing_province ON annual_summary_filing (year, province_code);

-- The AnnualSummaryOverdue events sent: one per city and year, however many instances look and however often.
CREATE TABLE annual_summary_reminder (
    year          integer      NOT NULL,
    city_code     varchar(6)   NOT NULL,
    province_code varchar(6)   NOT NULL,
    due_on        date         NOT NULL,
    sent_at       timestamptz  NOT NULL,
    PRIMARY KEY (year, city_code)
);
