-- End-of-Day: a run starts (flow_run, for the status page).
INSERT INTO flow_run (flow, trigger, started_at, status) VALUES ('end-of-day', :trigger, :now, 'RUNNING')
