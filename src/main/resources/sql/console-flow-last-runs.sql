-- The latest run of every flow, for the console.
SELECT id, flow, trigger, started_at, finished_at, status, summary, error
  FROM flow_run
 WHERE id IN (SELECT MAX(id) FROM flow_run GROUP BY flow)
 ORDER BY flow
