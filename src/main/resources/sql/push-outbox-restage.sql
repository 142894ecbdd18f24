-- A staged value whose figure changed (a restated day): it goes out again with fresh attempts, unless the new
-- value is the one DHIS2 already holds (posted_value), then it is POSTED as it is. An unchanged value is left alone.
UPDATE datavalue_outbox
SET value = :value,
    status = CASE WHEN posted_value = :value THEN 'POSTED' ELSE 'PENDING' END,
    attempts = 0, last_error = NULL, error_code = NULL, updated_at = :now
WHERE data_element = :dataElement AND period = :period AND org_unit = :orgUnit
  AND category_option_combo = :categoryOptionCombo AND attribute_option_combo = :attributeOptionCombo
  AND (value IS NULL OR value <> :value)
