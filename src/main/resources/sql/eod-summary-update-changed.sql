-- End-of-Day: rows of an already frozen day whose recomputed values differ are rewritten, marked restated and
-- given a new computed_at (what the push sends again). Unchanged rows are not touched.
UPDATE daily_summary s
SET (opening_balance, arrivals, requisitions_received, distributions_out, returns_in, returns_out, adjustments,
     dispensing, wastage, closing_balance, ledger_balance, discrepancy) =
    (SELECT w.opening_balance, w.arrivals, w.requisitions_received, w.distributions_out, w.returns_in,
            w.returns_out, w.adjustments, w.dispensing, w.wastage, w.closing_balance, w.ledger_balance,
            w.discrepancy
     FROM eod_summary_work w
     WHERE w.store_id = s.store_id AND w.item_id = s.item_id),
    computed_at = :now,
    restated = TRUE
WHERE s.summary_date = :day
  AND EXISTS (
      SELECT 1 FROM eod_summary_work w
      WHERE w.store_id = s.store_id AND w.item_id = s.item_id
        AND (w.opening_balance <> s.opening_balance OR w.arrivals <> s.arrivals
             OR w.requisitions_received <> s.requisitions_received OR w.distributions_out <> s.distributions_out
             OR w.returns_in <> s.returns_in OR w.returns_out <> s.returns_out OR w.adjustments <> s.adjustments
             OR w.dispensing <> s.dispensing OR w.wastage <> s.wastage OR w.closing_balance <> s.closing_balance
             OR w.ledger_balance IS DISTINCT FROM s.ledger_balance OR w.discrepancy <> s.discrepancy))
