-- The outbox values DHIS2 rejected or that were given up on, newest first, with DHIS2's reason.
SELECT id, data_element, period, org_unit, category_option_combo, attribute_option_combo, status, attempts,
       last_error, error_code, updated_at
  FROM datavalue_outbox
 WHERE status IN ('FAILED', 'DEAD')
 ORDER BY updated_at DESC, id DESC
 LIMIT :limit
