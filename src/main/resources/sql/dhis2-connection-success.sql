-- A connection check that reached DHIS2 and was accepted.
UPDATE dhis2_connection
   SET base_url = :baseUrl,
       dhis2_version = :version,
       username = :username,
       last_success_at = :checkedAt,
       last_attempt_at = :checkedAt,
       last_error = NULL,
       last_error_kind = NULL
 WHERE id = 1
