-- A message the bridge gave up on, with why, and where a replay sends it again.
INSERT INTO dead_letter (route_id, endpoint_uri, reason, exception_class, http_status, body, headers, attempts, status, created_at, updated_at)
VALUES (:routeId, :endpointUri, :reason, :exceptionClass, :httpStatus, :body, :headers, :attempts, 'NEW', :now, :now)
