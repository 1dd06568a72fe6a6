-- The 进展表 reads the records of one province and intake year created before the month's cut-off, and the versions
-- replaced since that cut-off; without these it read every record of the province, or every version.
CREATE INDEX enrollment_province_intake_created ON enrollment (province_code, intake_year, created_at);
CREATE INDEX enrollment_version_replaced_at ON enrollment_version (replaced_at);
