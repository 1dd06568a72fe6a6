-- 毕业证书: issued when a 学籍 ends by graduation (毕业), stating what the certificate prints as it was on that day
-- (school and major names from the school-events projection, V7: a school renamed later does not change a certificate
-- already issued). Not tied to the registration row by a foreign key: a certificate outlives a rebuild of the registry
-- (RegistryRebuild empties registration).
CREATE TABLE certificate (
    number          varchar(64)  PRIMARY KEY,
    registration_id uuid         NOT NULL UNIQUE,
    holder_name     varchar(100) NOT NULL,
    school_code     varchar(32)  NOT NULL,
    school_name     varchar(200),
    province_code   varchar(6)   NOT NULL,
    city_code       varchar(6)   NOT NULL,
    major_code      varchar(32)  NOT NULL,
    major_name      varchar(200),
    class_level     varchar(32)  NOT NULL,
    graduated_on    date         NOT NULL,
    issued_at       timestamptz  NOT NULL,
    issued_by       varchar(200) NOT NULL
);
CREATE INDEX certificate_school ON certificate (school_code, graduated_on, number);
CREATE INDEX certificate_region ON certificate (province_code, city_code, graduated_on, number);

-- The 学籍 carries the number of the certificate its graduation issued.
ALTER TABLE registration ADD COLUMN certificate_number varchar(64) REFERENCES certificate (number);
