-- F1: a sync run begins.
INSERT INTO flow_run (flow, trigger, started_at, status) VALUES (:flow, :trigger, :now, 'RUNNING')
