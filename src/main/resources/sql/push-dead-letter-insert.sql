-- Values that reached the maximum attempts, as one dead letter per batch; its replay (direct:datavalue-push-requeue)
-- sets them PENDING again. body is {"ids":[outbox ids], "dataValues":[...]}.
INSERT INTO dead_letter (route_id, endpoint_uri, reason, http_status, body, attempts, status, created_at, updated_at)
VALUES ('datavalue-push-batch', 'direct:datavalue-push-requeue', :reason, :httpStatus, :body, :attempts, 'NEW', :now, :now)
