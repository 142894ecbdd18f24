-- A push run ends, with its counts (JSON) and, when it stopped or failed, why.
UPDATE flow_run SET finished_at = :now, status = :status, summary = :summary, error = :error WHERE id = :id
