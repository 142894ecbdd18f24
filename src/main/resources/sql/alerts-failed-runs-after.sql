-- Flow runs that ended FAILED, with id above the last one reported, oldest first.
SELECT id, flow, trigger, started_at, finished_at, error
  FROM flow_run
 WHERE id > :afterId AND status = 'FAILED'
 ORDER BY id
 LIMIT :limit
