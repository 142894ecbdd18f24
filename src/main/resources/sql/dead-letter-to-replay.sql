-- Dead letters marked for replay, oldest first.
SELECT id, route_id, endpoint_uri, body, headers, attempts
  FROM dead_letter
 WHERE status = 'REPLAY'
 ORDER BY id
 LIMIT :limit
