-- A run of the consignment acknowledgement flow begins.
INSERT INTO flow_run (flow, trigger, started_at, status) VALUES (:flow, :trigger, :now, 'RUNNING')
