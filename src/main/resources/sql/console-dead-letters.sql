-- Dead letters for the console, newest first. Empty filters match everything; :pattern is a lower-case LIKE
-- pattern matched against the reason.
SELECT id, route_id, reason, http_status, attempts, status, created_at, updated_at
  FROM dead_letter
 WHERE (:status = '' OR status = :status)
   AND (:route = '' OR route_id = :route)
   AND (:pattern = '' OR LOWER(reason) LIKE :pattern)
 ORDER BY id DESC
 LIMIT :limit
