-- DHIS2 accepted the value (imported, updated or ignored as unchanged). Left alone if restaged meanwhile.
UPDATE datavalue_outbox
SET status = 'POSTED', posted_value = :value, posted_at = :now, updated_at = :now, last_error = NULL,
    error_code = NULL
WHERE id = :id AND value = :value
