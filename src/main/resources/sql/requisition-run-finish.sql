-- Requisition fetch: a run ends (SUCCESS or FAILED) with its counts and, when it failed, why.
UPDATE flow_run
SET finished_at = CURRENT_TIMESTAMP, status = :status, summary = :summary, error = :error
WHERE id = :id
