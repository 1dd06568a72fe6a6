-- 招生信息公开 (seed 000): a school's 招生简章 link and its complaint hotline (招生监督举报电话), on the public list.
ALTER TABLE school ADD COLUMN brochure_url varchar(500);
ALTER TABLE school ADD COLUMN complaint_hotline varchar(64);

-- 处理处罚 (seed 000: schools that break the rules are dealt with and made public): sanctions a province office records
-- against its schools, with the decision (文号, 决定机关, date) and its period; one that suspends enrollment (暂停招生)
-- refuses the school's records enrolled within the period. Who recorded it and when stays with it.
CREATE TABLE school_sanction (
    id                  uuid         PRIMARY KEY,
    school_code         varchar(32)  NOT NULL REFERENCES school (code),
    kind                varchar(40)  NOT NULL,
    decision_number     varchar(100) NOT NULL,
    authority           varchar(200) NOT NULL,
    decided_on          date         NOT NULL,
    valid_from          date         NOT NULL,
    valid_until         date         NOT NULL,
    suspends_enrollment boolean      NOT NULL,
    recorded_at         timestamptz  NOT NULL,
    recorded_by         varchar(200) NOT NULL,
    CHECK (valid_until >= valid_from),
    -- One decision sanctions a school once for each kind: posting it again is a conflict, not a second sanction.
    UNIQUE (school_code, decision_number, kind)
);
CREATE INDEX school_sanction_school ON school_sanction (school_code, valid_from DESC);
