-- Counts for the console's headline: open dead letters, new rejected inputs, failed or given-up outbox values.
SELECT (SELECT COUNT(*) FROM dead_letter WHERE status IN ('NEW', 'REPLAY')) AS dead_letters,
       (SELECT COUNT(*) FROM rejected_input WHERE status = 'NEW') AS rejected_inputs,
       (SELECT COUNT(*) FROM datavalue_outbox WHERE status IN ('FAILED', 'DEAD')) AS outbox_failures,
       (SELECT COUNT(*) FROM not_mapped) AS not_mapped
