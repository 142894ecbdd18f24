-- The value was refused or could not be delivered: one more attempt spent; at the maximum it is DEAD.
-- Left alone if restaged meanwhile.
UPDATE datavalue_outbox
SET status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'DEAD' ELSE 'FAILED' END,
    attempts = attempts + 1, last_error = :error, error_code = :errorCode, updated_at = :now
WHERE id = :id AND value = :value
