-- Two more rollups of enrollment_counter, moved by the same deltas in the transaction that applies a batch of events,
-- so that with counters for a million enrollments each 进展 view reads a few hundred rows.

-- 实际招生数 per city, month of enrolment and class level: the province view (per city, 高级工班+预备技师班 share,
-- monthly burn-up, 五年攻坚 cumulative) reads ~200 rows a year of this instead of every school's.
CREATE TABLE city_counter (
    province_code  varchar(6)  NOT NULL,
    intake_year    integer     NOT NULL,
    city_code      varchar(6)  NOT NULL,
    enrolled_month varchar(7)  NOT NULL,
    class_level    varchar(32) NOT NULL,
    count          integer     NOT NULL,
    PRIMARY KEY (province_code, intake_year, city_code, enrolled_month, class_level)
);
INSERT INTO city_counter (province_code, intake_year, city_code, enrolled_month, class_level, count)
SELECT province_code, intake_year, city_code, enrolled_month, class_level, SUM(count)
FROM enrollment_counter
GROUP BY province_code, intake_year, city_code, enrolled_month, class_level;

-- 实际招生数 per school, major and study mode: the city drill-down's split by major and by mode, without the months,
-- seasons and levels that multiply enrollment_counter's cells.
CREATE TABLE school_major_counter (
    province_code varchar(6)  NOT NULL,
    intake_year   integer     NOT NULL,
    city_code     varchar(6)  NOT NULL,
    school_code   varchar(32) NOT NULL,
    major_code    varchar(32) NOT NULL,
    study_mode    varchar(16) NOT NULL,
    count         integer     NOT NULL,
    PRIMARY KEY (province_code, intake_year, city_code, school_code, major_code, study_mode)
);
INSERT INTO school_major_counter (province_code, intake_year, city_code, school_code, major_code, study_mode, count)
SELECT province_code, intake_year, city_code, school_code, major_code, study_mode, SUM(count)
FROM enrollment_counter
GROUP BY province_code, intake_year, city_code, school_code, major_code, study_mode;
