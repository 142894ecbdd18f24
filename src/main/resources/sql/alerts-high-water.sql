-- Where the alerts start when the bridge starts: the newest dead letter and flow run already there.
SELECT (SELECT COALESCE(MAX(id), 0) FROM dead_letter) AS dead_letter_id,
       (SELECT COALESCE(MAX(id), 0) FROM flow_run) AS flow_run_id
