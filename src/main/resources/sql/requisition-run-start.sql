-- Requisition fetch: a run begins.
INSERT INTO flow_run (flow, trigger, status) VALUES ('requisition-fetch', :trigger, 'RUNNING')
