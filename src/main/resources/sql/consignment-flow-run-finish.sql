-- A run of the consignment acknowledgement flow ends, with its counts.
UPDATE flow_run SET finished_at = :now, status = :status, summary = :summary, error = :error WHERE id = :id
