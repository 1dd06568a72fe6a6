-- 转学 completed in registration-service (RegistrationChanged TRANSFER_IN on registration-events): from the month it takes
-- effect the 进展表 counts the record at the receiving school, and before it still at the school that enrolled the
-- person, so a past month's report keeps its figures. One row per new 学籍: an event replayed under a new eventId adds
-- nothing. No foreign key to enrollment: a transfer of a record this service does not hold changes nothing, as an
-- unknown record's check result does.
CREATE TABLE enrollment_transfer (
    registration_id  uuid         PRIMARY KEY,
    enrollment_id    uuid         NOT NULL,
    from_school_code varchar(32)  NOT NULL,
    to_school_code   varchar(32)  NOT NULL,
    to_province_code varchar(6)   NOT NULL,
    to_city_code     varchar(6)   NOT NULL,
    effective_on     date         NOT NULL,
    recorded_at      timestamptz  NOT NULL
);
CREATE INDEX enrollment_transfer_enrollment ON enrollment_transfer (enrollment_id, effective_on);
CREATE INDEX enrollment_transfer_into ON enrollment_transfer (to_province_code, effective_on);
