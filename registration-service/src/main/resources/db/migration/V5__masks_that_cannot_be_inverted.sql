-- Masked IDs in today's form (PersonKeys.mask): the first 4 characters, the rest starred. The older form showed the
-- first 6 and the last 4, which beside the birth date every 学籍 and alert shows gave the whole ID number back.
UPDATE registration
   SET id_number_masked = left(id_number_masked, 4) || repeat('*', length(id_number_masked) - 4)
 WHERE length(id_number_masked) >= 15 AND id_number_masked ~ '[^*]$';

UPDATE alert_record
   SET id_number_masked = left(id_number_masked, 4) || repeat('*', length(id_number_masked) - 4)
 WHERE length(id_number_masked) >= 15 AND id_number_masked ~ '[^*]$';

UPDATE roster_entry
   SET id_number_masked = left(id_number_masked, 4) || repeat('*', length(id_number_masked) - 4)
 WHERE length(id_number_masked) >= 15 AND id_number_masked ~ '[^*]$';

-- Evidence quotes masks as JSON strings (PROBABLE_DUPLICATE's pair, CROSS_SYSTEM_REGISTRATION's roster entry).
UPDATE alert
   SET evidence = regexp_replace(evidence, '"([^"*]{4})[^"*]{2}(\*+)[^"*]{4}"', '"\1**\2****"', 'g')
 WHERE evidence LIKE '%*%';
