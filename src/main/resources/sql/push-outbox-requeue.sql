-- An operator replays dead values: they go out again on the next run with fresh attempts.
UPDATE datavalue_outbox
SET status = 'PENDING', attempts = 0, last_error = NULL, error_code = NULL, updated_at = :now
WHERE id = :id AND status = 'DEAD'
