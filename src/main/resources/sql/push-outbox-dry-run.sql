-- A dry run: what DHIS2 would have done is kept (error and code when it would refuse the value); no attempt spent.
UPDATE datavalue_outbox
SET status = 'DRY_RUN', last_error = :error, error_code = :errorCode, updated_at = :now
WHERE id = :id AND value = :value
