-- How many data values the outbox holds in each status.
SELECT status, COUNT(*) AS values_count, MAX(updated_at) AS last_change
  FROM datavalue_outbox
 GROUP BY status
 ORDER BY status
