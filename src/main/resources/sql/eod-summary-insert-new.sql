-- End-of-Day: the day's rows that daily_summary does not hold yet (all of them the first time the day is frozen).
-- :restated is TRUE when the day had been frozen before, so a row that appears on restatement is sent too.
INSERT INTO daily_summary (store_id, item_id, summary_date, opening_balance, arrivals, requisitions_received,
                           distributions_out, returns_in, returns_out, adjustments, dispensing, wastage,
                           closing_balance, ledger_balance, discrepancy, computed_at, restated)
SELECT w.store_id, w.item_id, :day, w.opening_balance, w.arrivals, w.requisitions_received, w.distributions_out,
       w.returns_in, w.returns_out, w.adjustments, w.dispensing, w.wastage, w.closing_balance, w.ledger_balance,
       w.discrepancy, :now, :restated
FROM eod_summary_work w
WHERE NOT EXISTS (SELECT 1 FROM daily_summary s
                  WHERE s.summary_date = :day AND s.store_id = w.store_id AND s.item_id = w.item_id)
