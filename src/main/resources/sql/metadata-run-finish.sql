-- F1: a sync run ends (SUCCESS with its counts, or FAILED with the reason).
UPDATE flow_run
   SET finished_at = :now, status = :status, summary = :summary, error = :error
 WHERE id = :id
