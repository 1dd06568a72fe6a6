-- 转学: an approved transfer moves an enrollment record, with every counter it is in, to the receiving school, which
-- school_code, province_code and city_code then name. The school that enrolled the person is kept here; null while the
-- record is still at it. Corrections of the record (which name the enrolling school) leave a moved record where it is.
ALTER TABLE enrollment_fact ADD COLUMN enrolling_school_code varchar(32);
