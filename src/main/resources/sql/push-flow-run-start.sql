-- A push run starts.
INSERT INTO flow_run (flow, trigger, started_at, status) VALUES ('datavalue-push', :trigger, :now, 'RUNNING')
