-- End-of-Day: a run ends, with its counts or its error.
UPDATE flow_run SET finished_at = :now, status = :status, summary = :summary, error = :error WHERE id = :id
