-- 学校名录变更记录: every creation of or change to a school — who (token name and the role acting), when, and each
-- changed field before and after — written in the transaction of the change; offices page it newest first.
CREATE TABLE school_change (
    id          uuid         PRIMARY KEY,
    school_code varchar(32)  NOT NULL REFERENCES school (code),
    changed_at  timestamptz  NOT NULL,
    changed_by  varchar(200) NOT NULL,
    role        varchar(32)  NOT NULL,
    kind        varchar(16)  NOT NULL,
    changes     jsonb        NOT NULL
);
CREATE INDEX school_change_newest ON school_change (school_code, changed_at DESC, id DESC);
