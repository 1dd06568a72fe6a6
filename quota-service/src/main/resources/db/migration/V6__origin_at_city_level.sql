-- 生源地 at city level, as EnrollmentRecorded version 2 carries it: the cross-city recruitment rule needs the city only,
-- and the county beside a masked ID and a birth date narrows the ID number down.
UPDATE enrollment_fact SET origin_region = left(origin_region, 4) || '00'
 WHERE origin_region IS NOT NULL AND length(origin_region) = 6 AND right(origin_region, 2) <> '00';

UPDATE plan_alert SET origin_region = left(origin_region, 4) || '00'
 WHERE origin_region IS NOT NULL AND length(origin_region) = 6 AND right(origin_region, 2) <> '00';
