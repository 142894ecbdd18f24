-- End-of-Day: stores the walk did not reach (a cycle in supplying_store_id) are still summarised, last.
INSERT INTO eod_store_depth (store_id, depth)
SELECT s.id, 1000 FROM store s
WHERE NOT EXISTS (SELECT 1 FROM eod_store_depth d WHERE d.store_id = s.id)
