-- quota-service schema. Flyway owns it; Hibernate validates it.

-- 学校 projection, built from school-events (SchoolUpserted): who a school is and where it sits.
CREATE TABLE school (
    code          varchar(32)  PRIMARY KEY,
    name          varchar(200) NOT NULL,
    type          varchar(32)  NOT NULL,
    province_code varchar(6)   NOT NULL,
    city_code     varchar(6)   NOT NULL,
    provincial    boolean      NOT NULL
);
CREATE INDEX school_region ON school (province_code, city_code);

-- 行政区划: provinces and their cities (设区市), GB/T 2260 codes. A province has no parent.
CREATE TABLE region (
    code        varchar(6)   PRIMARY KEY,
    name        varchar(100) NOT NULL,
    parent_code varchar(6)   REFERENCES region (code)
);
CREATE INDEX region_parent ON region (parent_code);

INSERT INTO region (code, name, parent_code) VALUES ('330000', '浙江省', NULL);
INSERT INTO region (code, name, parent_code) VALUES
    ('330100', '杭州市', '330000'),
    ('330200', '宁波市', '330000'),
    ('330300', '温州市', '330000'),
    ('330400', '嘉兴市', '330000'),
    ('330500', '湖州市', '330000'),
    ('330600', '绍兴市', '330000'),
    ('330700', '金华市', '330000'),
    ('330800', '衢州市', '330000'),
    ('330900', '舟山市', '330000'),
    ('331000', '台州市', '330000'),
    ('331100', '丽水市', '330000');

-- 目标任务: new-student targets per year at national, province, city or school level,
-- optionally per class level (班级层次); class_level NULL is the target over all levels.
CREATE TABLE target (
    id          bigserial    PRIMARY KEY,
    year        integer      NOT NULL,
    scope       varchar(16)  NOT NULL CHECK (scope IN ('NATIONAL', 'PROVINCE', 'CITY', 'SCHOOL')),
    scope_code  varchar(32)  NOT NULL,
    class_level varchar(32),
    target      integer      NOT NULL CHECK (target >= 0),
    source      text
);
-- unique (year, scope, scope_code, class_level), with "all levels" (NULL) counting as one value.
CREATE UNIQUE INDEX target_unique ON target (year, scope, scope_code, COALESCE(class_level, ''));

-- 多年目标 (e.g. 五年攻坚 2023–2027): a cumulative target over several years.
CREATE TABLE target_campaign (
    id         bigserial    PRIMARY KEY,
    name       varchar(200) NOT NULL,
    scope      varchar(16)  NOT NULL CHECK (scope IN ('NATIONAL', 'PROVINCE', 'CITY', 'SCHOOL')),
    scope_code varchar(32)  NOT NULL,
    from_year  integer      NOT NULL,
    to_year    integer      NOT NULL,
    target     integer      NOT NULL CHECK (target >= 0),
    source     text,
    CONSTRAINT target_campaign_unique UNIQUE (scope, scope_code, from_year, to_year)
);

-- The last known state of every enrollment record (招生录取记录) this service has seen: lets corrections and
-- withdrawals move the counters exactly. A withdrawal seen before its record leaves a row with only the version
-- (a tombstone), so the older record arriving later is ignored.
CREATE TABLE enrollment_fact (
    enrollment_id   uuid         PRIMARY KEY,
    version         integer      NOT NULL,
    school_code     varchar(32)  NOT NULL,
    province_code   varchar(6),
    city_code       varchar(6),
    major_code      varchar(32),
    class_level     varchar(32),
    study_mode      varchar(16),
    intake_year     integer,
    intake_season   varchar(8),
    enrolled_month  varchar(7),
    source_category varchar(64),
    priority_flags  varchar(500),
    origin_region   varchar(6),
    active          boolean      NOT NULL
);
CREATE INDEX enrollment_fact_school ON enrollment_fact (school_code, intake_year);

-- 实际招生数: active enrollment records per dimension, moved by +1/−1 in the transaction that applies the event.
CREATE TABLE enrollment_counter (
    school_code    varchar(32) NOT NULL,
    province_code  varchar(6)  NOT NULL,
    city_code      varchar(6)  NOT NULL,
    major_code     varchar(32) NOT NULL,
    class_level    varchar(32) NOT NULL,
    study_mode     varchar(16) NOT NULL,
    intake_year    integer     NOT NULL,
    intake_season  varchar(8)  NOT NULL,
    enrolled_month varchar(7)  NOT NULL,
    count          integer     NOT NULL,
    PRIMARY KEY (school_code, province_code, city_code, major_code, class_level, study_mode, intake_year,
                 intake_season, enrolled_month)
);
CREATE INDEX enrollment_counter_region ON enrollment_counter (intake_year, province_code, city_code);

-- outbox_event and processed_event come from platform-commons (db/platform/V0_1__outbox_and_processed_events.sql).
