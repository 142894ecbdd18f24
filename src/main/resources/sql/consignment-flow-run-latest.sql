-- The id of the run just started.
SELECT MAX(id) AS id FROM flow_run WHERE flow = :flow
