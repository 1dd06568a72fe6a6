-- 技师班 (TECHNICIAN) is a class level of its own beside 预备技师班 (seeds 001 and 002; issue 22). The levels a record or a
-- filed major may hold are now checked by the database as well, so no row carries a level that the event schemas
-- (deployment/kafka/schemas) do not list. Records stored so far hold one of the three older levels: nothing to rewrite
-- (an uploaded "技师班" was stored as PREP_TECHNICIAN before, and the upload did not keep the label to tell them apart).
ALTER TABLE enrollment ADD CONSTRAINT enrollment_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
-- A filed major keeps its levels as a comma-separated list (SchoolDirectory.replaceMajors).
ALTER TABLE school_major ADD CONSTRAINT school_major_levels
    CHECK (levels ~ '^(INTERMEDIATE|ADVANCED|PREP_TECHNICIAN|TECHNICIAN)(,(INTERMEDIATE|ADVANCED|PREP_TECHNICIAN|TECHNICIAN))*$');
