-- 防返贫监测对象 and 订单班 are counted as priority groups beside 脱贫家庭 (PriorityGroup AT_RISK_OF_POVERTY, ORDER_CLASS).
-- Records stored before carry the flags in priority_flags: count them as V4 counted 脱贫家庭, so a later correction or
-- withdrawal of such a record takes back a count that is there.
INSERT INTO priority_group_counter (province_code, intake_year, city_code, school_code, priority_group, count)
SELECT f.province_code, f.intake_year, f.city_code, f.school_code, g.name, COUNT(*)
FROM enrollment_fact f
JOIN (VALUES ('AT_RISK_OF_POVERTY', '防返贫监测对象'), ('ORDER_CLASS', '订单班')) g (name, label)
  ON ',' || COALESCE(f.priority_flags, '') || ',' LIKE '%,' || g.label || ',%'
WHERE f.active AND f.intake_year IS NOT NULL
GROUP BY f.province_code, f.intake_year, f.city_code, f.school_code, g.name;
