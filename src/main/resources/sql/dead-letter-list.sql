-- Dead letters for operators, newest first; :status '' lists every status.
SELECT id, route_id, endpoint_uri, reason, exception_class, http_status, attempts, status, created_at, updated_at
  FROM dead_letter
 WHERE (:status = '' OR status = :status)
 ORDER BY id DESC
 LIMIT :limit
