-- What the status endpoint and the health check report about DHIS2.
SELECT base_url, dhis2_version, username, last_success_at, last_attempt_at, last_error, last_error_kind
  FROM dhis2_connection
 WHERE id = 1
