-- The values to send, oldest first, read as a stream: new or changed (PENDING), failed before (FAILED) and, for a
-- production run, those only dry-run so far (DRY_RUN). Values at the maximum attempts are DEAD and not read.
SELECT id, data_element, period, org_unit, category_option_combo, attribute_option_combo, value, comment, attempts
FROM datavalue_outbox
WHERE status IN (:status1, :status2, :status3) AND attempts < :maxAttempts
ORDER BY id
