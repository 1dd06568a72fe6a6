-- 技师班 (TECHNICIAN) is a class level of its own beside 预备技师班 (seeds 001 and 002; issue 22): targets, plans, the
-- filed catalogue, the counters and the alerts may carry it. The database now checks every stored level (NULL stays
-- allowed where it was: a target over all levels, a withdrawal tombstone, an alert without a level). Stored rows hold
-- one of the three older levels: nothing to rewrite.
ALTER TABLE target ADD CONSTRAINT target_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE enrollment_fact ADD CONSTRAINT enrollment_fact_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE enrollment_counter ADD CONSTRAINT enrollment_counter_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE school_counter ADD CONSTRAINT school_counter_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE city_counter ADD CONSTRAINT city_counter_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE school_major ADD CONSTRAINT school_major_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE plan_line ADD CONSTRAINT plan_line_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
ALTER TABLE plan_alert ADD CONSTRAINT plan_alert_class_level
    CHECK (class_level IN ('INTERMEDIATE', 'ADVANCED', 'PREP_TECHNICIAN', 'TECHNICIAN'));
