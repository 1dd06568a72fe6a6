-- The fuzzy PROBABLE_DUPLICATE check reads, per new 学籍, the name and personKey of every ACTIVE 学籍 born the same day
-- with the same gender (hundreds against 1,000,000). A covering partial index answers it from the index alone, instead
-- of hundreds of scattered heap reads per check.
CREATE INDEX registration_lookalike ON registration (birth_date, gender) INCLUDE (person_key, name, enrollment_id)
    WHERE status = 'ACTIVE';
DROP INDEX registration_birth_gender;
