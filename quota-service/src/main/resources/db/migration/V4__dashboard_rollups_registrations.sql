-- Rollups the 进展 views read instead of the enrollment-level tables, and the 学籍 counts from registration-events.
-- Each is moved by deltas in the transaction that applies an event, like enrollment_counter.

-- 实际招生数 per school, month of enrolment and class level: the province view (per city, 高级工班+预备技师班 share,
-- monthly burn-up, 五年攻坚 cumulative) sums a few thousand rows of this instead of every major × mode cell.
CREATE TABLE school_counter (
    province_code  varchar(6)  NOT NULL,
    intake_year    integer     NOT NULL,
    city_code      varchar(6)  NOT NULL,
    school_code    varchar(32) NOT NULL,
    enrolled_month varchar(7)  NOT NULL,
    class_level    varchar(32) NOT NULL,
    count          integer     NOT NULL,
    PRIMARY KEY (province_code, intake_year, city_code, school_code, enrolled_month, class_level)
);
INSERT INTO school_counter (province_code, intake_year, city_code, school_code, enrolled_month, class_level, count)
SELECT province_code, intake_year, city_code, school_code, enrolled_month, class_level, SUM(count)
FROM enrollment_counter
GROUP BY province_code, intake_year, city_code, school_code, enrolled_month, class_level;

-- Active enrollment per school and priority group (脱贫家庭, 退役军人, 高中毕业生, 企业职工; PriorityGroup names).
CREATE TABLE priority_group_counter (
    province_code  varchar(6)  NOT NULL,
    intake_year    integer     NOT NULL,
    city_code      varchar(6)  NOT NULL,
    school_code    varchar(32) NOT NULL,
    priority_group varchar(32) NOT NULL,
    count          integer     NOT NULL,
    PRIMARY KEY (province_code, intake_year, city_code, school_code, priority_group)
);
-- Existing records, classified as PriorityGroup does (flag in priority_flags, or the source category).
INSERT INTO priority_group_counter (province_code, intake_year, city_code, school_code, priority_group, count)
SELECT f.province_code, f.intake_year, f.city_code, f.school_code, g.name, COUNT(*)
FROM enrollment_fact f
JOIN (VALUES ('POOR_FAMILY', '脱贫家庭', true), ('VETERAN', '退役军人', false),
             ('HIGH_SCHOOL_GRADUATE', '高中毕业生', false), ('ENTERPRISE_EMPLOYEE', '企业职工', false)) g (name, label, flag)
  ON CASE WHEN g.flag THEN ',' || COALESCE(f.priority_flags, '') || ',' LIKE '%,' || g.label || ',%'
          ELSE f.source_category = g.label END
WHERE f.active AND f.intake_year IS NOT NULL
GROUP BY f.province_code, f.intake_year, f.city_code, f.school_code, g.name;

-- 学籍 as registration-events (RegistrationChanged) last described them. counted_* is the registration_counter cell the
-- 学籍 is counted in (null when not counted: not ACTIVE, or its enrollment record has not arrived yet).
CREATE TABLE registration_state (
    registration_id  uuid        PRIMARY KEY,
    enrollment_id    uuid        NOT NULL,
    school_code      varchar(32) NOT NULL,
    status           varchar(32) NOT NULL,
    change_type      varchar(16) NOT NULL,
    effective_on     date        NOT NULL,
    counted_province varchar(6),
    counted_city     varchar(6),
    counted_year     integer
);
CREATE INDEX registration_state_enrollment ON registration_state (enrollment_id);

-- 在籍: ACTIVE 学籍 per school and intake year, after withdrawals (退学), transfers (转出) and the other 异动.
CREATE TABLE registration_counter (
    province_code varchar(6)  NOT NULL,
    intake_year   integer     NOT NULL,
    city_code     varchar(6)  NOT NULL,
    school_code   varchar(32) NOT NULL,
    count         integer     NOT NULL,
    PRIMARY KEY (province_code, intake_year, city_code, school_code)
);

