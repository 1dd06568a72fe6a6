-- Masked IDs in today's form (PersonKeys.mask): the first 4 characters, the rest starred. The older form showed the
-- first 6 and the last 4, which beside the birth date gave the whole ID number back.
UPDATE enrollment
   SET id_number_masked = left(id_number_masked, 4) || repeat('*', length(id_number_masked) - 4)
 WHERE length(id_number_masked) >= 15 AND id_number_masked ~ '[^*]$';

-- The same in the snapshots of replaced versions.
UPDATE enrollment_version
   SET content = regexp_replace(content, '"idNumberMasked":"([^"*]{4})[^"*]{2}(\*+)[^"*]{4}"',
                                '"idNumberMasked":"\1**\2****"', 'g')
 WHERE content LIKE '%"idNumberMasked"%';

-- Events not yet relayed leave in the form version 2 events carry: today's mask, the origin at city level.
UPDATE outbox_event
   SET envelope = regexp_replace(regexp_replace(envelope,
                      '"idNumberMasked":"([^"*]{4})[^"*]{2}(\*+)[^"*]{4}"', '"idNumberMasked":"\1**\2****"', 'g'),
                      '"originRegion":"([0-9]{4})[0-9]{2}"', '"originRegion":"\100"', 'g')
 WHERE event_type IN ('EnrollmentRecorded', 'EnrollmentCorrected');
