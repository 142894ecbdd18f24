-- DHIS2 accepted these values (imported, updated or ignored as unchanged): one statement per batch, :ids being
-- the outbox ids of the accepted values. A value restaged after the batch was read (updated_at later than
-- :readAt) is left PENDING, so its new figure goes out.
UPDATE datavalue_outbox
SET status = 'POSTED', posted_value = value, posted_at = :now, updated_at = :now, last_error = NULL,
    error_code = NULL
WHERE id = ANY(:ids) AND updated_at <= :readAt
