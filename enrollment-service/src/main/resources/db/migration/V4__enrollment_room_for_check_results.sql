-- Every record is updated once or twice soon after its insert, by registration-service's check results (check_status,
-- alert_ids, checked_at: none of them indexed). On full pages each such update wrote the new row version on another
-- page and an entry into every one of the table's six indexes; room left on each page lets PostgreSQL update the row
-- in place (a HOT update) without touching the indexes. Applies to pages written from now on.
ALTER TABLE enrollment SET (fillfactor = 75);
