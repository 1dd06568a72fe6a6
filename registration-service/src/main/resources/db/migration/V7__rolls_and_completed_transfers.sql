-- 学籍 rolls (学籍名册) and completed transfers (转学). Never edit earlier migrations: add here.

-- An approved transfer ends the 学籍 at the old school (TRANSFERRED_OUT) and creates one at the receiving school from
-- the same enrollment record, so one record's 学籍 form a chain linked both ways. Only the chain's last link
-- (transferred_to IS NULL) is the record's current 学籍, the one its corrections and withdrawal reach. The old link
-- points at a row inserted after it is updated, so that key is checked at commit.
ALTER TABLE registration ADD COLUMN transferred_from uuid REFERENCES registration (id);
ALTER TABLE registration ADD COLUMN transferred_to uuid REFERENCES registration (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE registration DROP CONSTRAINT registration_enrollment_id_key;
CREATE UNIQUE INDEX registration_current_of_enrollment ON registration (enrollment_id) WHERE transferred_to IS NULL;

-- The roll is read page by page in registration order within the caller's scope: a school's, a city's, a province's.
CREATE INDEX registration_roll_school ON registration (school_code, registered_at, id);
CREATE INDEX registration_roll_city ON registration (city_code, registered_at, id);
CREATE INDEX registration_roll_province ON registration (province_code, registered_at, id);

-- What a receiving school is checked against: the years it may enrol in (招生资质) and its filed majors (专业目录备案)
-- with their class levels, as school-events carry them. Schools projected before this migration know neither until
-- their next SchoolUpserted, and a transfer to one is refused until then.
ALTER TABLE school ADD COLUMN qualified_years integer[] NOT NULL DEFAULT '{}';
CREATE TABLE school_major (
    school_code varchar(32)   NOT NULL REFERENCES school (code),
    major_code  varchar(32)   NOT NULL,
    name        varchar(200)  NOT NULL,
    levels      varchar(32)[] NOT NULL,
    PRIMARY KEY (school_code, major_code)
);
