-- A connection check that failed; the last successful connection is kept.
UPDATE dhis2_connection
   SET base_url = :baseUrl,
       last_attempt_at = :checkedAt,
       last_error = :error,
       last_error_kind = :errorKind
 WHERE id = 1
