-- End-of-Day: the frozen summary of one day, optionally of one store (by id or code), stores from the central store
-- down, then by item code.
SELECT st.code AS store_code, i.code AS item_code, s.store_id, s.item_id, s.summary_date,
       s.opening_balance, s.arrivals, s.requisitions_received, s.distributions_out, s.returns_in, s.returns_out,
       s.adjustments, s.dispensing, s.wastage, s.closing_balance, s.ledger_balance, s.discrepancy,
       s.computed_at, s.restated
FROM daily_summary s
JOIN store st ON st.id = s.store_id
JOIN item i ON i.id = s.item_id
LEFT JOIN eod_store_depth d ON d.store_id = s.store_id
WHERE s.summary_date = :day
  AND (CAST(:store AS VARCHAR(50)) IS NULL OR st.code = :store OR CAST(st.id AS VARCHAR(50)) = :store)
ORDER BY COALESCE(d.depth, 1000), st.code, i.code
