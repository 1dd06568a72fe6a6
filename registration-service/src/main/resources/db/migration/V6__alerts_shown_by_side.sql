-- Alerts show each reader its own side in full and the other side only as "another school, city X" until an auditor
-- shares the alert with everyone it involves: who shared it and when (the alert's history keeps the step too).
ALTER TABLE alert ADD COLUMN shared_at timestamptz;
ALTER TABLE alert ADD COLUMN shared_by varchar(200);

-- When a 学籍 ended: a record that ended within days of the alert it caused is pointed out to auditors (a school that
-- pushed someone else's ID number, read the alert and withdrew leaves this trace). Rows that ended before the column
-- existed take their last change as the best time known.
ALTER TABLE registration ADD COLUMN ended_at timestamptz;
UPDATE registration SET ended_at = updated_at
 WHERE status IN ('WITHDRAWN', 'GRADUATED', 'CANCELLED', 'TRANSFERRED_OUT');
